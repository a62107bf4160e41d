package io.ocihelm.template.function;

/**
 * The body of a template function. Arguments arrive converted to the Java types of the function's
 * {@link FunctionSignature} (variadic arguments flattened at the end of {@code args}). To fail the
 * way a Go function returning an error (or panicking) fails, throw {@link FunctionException}: the
 * executor reports it as "error calling NAME: MESSAGE" at the call's position.
 */
@FunctionalInterface
public interface TemplateFunction {
  Object call(CallContext context, Object[] args);
}
