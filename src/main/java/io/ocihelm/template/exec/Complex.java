package io.ocihelm.template.exec;

/**
 * A Go {@code complex128} constant ({@code {{ 1i }}}). Only template literals produce one; it is
 * kept inside the engine rather than in the values model because no function takes or returns it.
 */
public record Complex(double real, double imag) {}
