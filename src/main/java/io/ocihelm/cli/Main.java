package io.ocihelm.cli;

/** Entry point of the {@code ocihelm} CLI (see DESIGN.md §3). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("ocihelm: no command implemented yet");
    System.exit(2);
  }
}
