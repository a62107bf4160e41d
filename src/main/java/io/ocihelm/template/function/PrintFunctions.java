package io.ocihelm.template.function;

import io.ocihelm.template.fmt.GoFmt;
import java.util.Arrays;

/** text/template's {@code print}, {@code printf} and {@code println}: Go's fmt.Sprint family. */
public final class PrintFunctions {
  private PrintFunctions() {}

  public static void register(FunctionRegistry registry) {
    registry.register("print", FunctionSignature.variadic(GoType.ANY), PrintFunctions::print);
    registry.register("printf", FunctionSignature.variadic(GoType.ANY, GoType.STRING), PrintFunctions::printf);
    registry.register("println", FunctionSignature.variadic(GoType.ANY), PrintFunctions::println);
  }

  static Object print(CallContext context, Object[] args) {
    return GoFmt.sprint(args);
  }

  static Object printf(CallContext context, Object[] args) {
    return GoFmt.sprintf((String) args[0], Arrays.copyOfRange(args, 1, args.length));
  }

  static Object println(CallContext context, Object[] args) {
    return GoFmt.sprintln(args);
  }
}
