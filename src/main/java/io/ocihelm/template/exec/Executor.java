package io.ocihelm.template.exec;

import io.ocihelm.template.value.GoStringOrder;

import io.ocihelm.template.Limits;
import io.ocihelm.template.TemplateException;
import io.ocihelm.template.function.CallContext;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoBuiltins;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.function.TemplateFunction;
import io.ocihelm.template.parse.GoQuote;
import io.ocihelm.template.parse.Node;
import io.ocihelm.template.parse.Node.*;
import io.ocihelm.template.parse.ParseException;
import io.ocihelm.template.parse.Parser;
import io.ocihelm.template.parse.Tree;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.GoTypes;
import io.ocihelm.template.value.Int64;
import io.ocihelm.template.value.NamedMap;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Executes parsed trees the way Go's {@code text/template/exec.go} does, with Helm's option
 * {@code missingkey=zero}. All run-time state lives here, never in the trees, so one parsed
 * namespace executes concurrently (one Executor per execution).
 *
 * <p>Go's executor works on {@code reflect.Value}s, and its behaviour depends on three states a
 * Java object alone cannot tell apart. Inside the executor a value is therefore one of:
 * <ul>
 *   <li>{@link #NO_VALUE}: an invalid {@code reflect.Value} (prints {@code <no value>});
 *   <li>{@code null}: a nil {@code interface {}} (a missing map key, a nil list element);
 *   <li>{@link Iface}: a non-nil value held in an {@code interface {}} (map and list elements), so
 *       errors name its static type {@code interface {}};
 *   <li>any other object: a concrete value of the values model.
 * </ul>
 * After every pipeline command the value is unwrapped one level, as Go does ("dig down one level").
 */
public final class Executor implements CallContext {
  /** An invalid reflect.Value. */
  public static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };

  /** No final (piped) argument: Go's {@code missingVal}. */
  private static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "<missing>";
    }
  };

  /** A non-nil value held in an {@code interface {}}. */
  public record Iface(Object value) {}


  private static final class BreakSignal extends RuntimeException {
    BreakSignal() {
      super(null, null, false, false);
    }
  }

  private static final class ContinueSignal extends RuntimeException {
    ContinueSignal() {
      super(null, null, false, false);
    }
  }

  private static final BreakSignal BREAK = new BreakSignal();
  private static final ContinueSignal CONTINUE = new ContinueSignal();

  /** Counters shared by an execution and everything it includes. */
  static final class Budget {
    final Limits limits;
    final String file;
    final long deadline;
    long steps;
    long output;
    final Map<String, Integer> includeCounts = new java.util.HashMap<>();

    Budget(Limits limits, String file) {
      this.limits = limits;
      this.file = file;
      this.deadline = System.nanoTime() + limits.timeout().toNanos();
    }
  }

  private final Namespace namespace;
  private final Budget budget;
  private final int depth;
  private final StringBuilder out;

  // Go's per-state fields: the template being executed, the node being evaluated, the variables.
  private Tree tree;
  private String tmplName;
  private Node node;
  private String[] varNames = new String[8];
  private Object[] varValues = new Object[8];
  private int varCount;

  private Executor(Namespace namespace, Budget budget, int depth, StringBuilder out) {
    this.out = out;
    this.namespace = namespace;
    this.budget = budget;
    this.depth = depth;
  }

  /**
   * Executes template {@code name} of {@code namespace} with {@code data} as dot; {@code file} is
   * the file Helm is rendering (it names errors Helm cannot place).
   */
  public static String execute(Namespace namespace, String file, String name, Object data) {
    Executor e = new Executor(namespace, new Budget(namespace.limits(), file), 0, new StringBuilder());
    return e.run(name, data);
  }

  private String run(String name, Object data) {
    Tree t = namespace.lookup(name);
    if (t == null) {
      throw TemplateException.other(budget.file, "template: no template " + GoQuote.quote(name)
          + " associated with template " + GoQuote.quote(namespace.rootName()));
    }
    // Go: reflect.ValueOf(nil) is an invalid value, not a nil interface.
    Object dot = data == null ? NO_VALUE : data;
    tree = t;
    tmplName = t.name();
    push("$", dot);
    try {
      walk(dot, t.root());
    } catch (StackOverflowError overflow) {
      throw TemplateException.limit(budget.file, "template: " + name
          + ": template calls nest too deeply (stack exhausted)");
    }
    return out.toString();
  }

  // ---- CallContext: include and tpl ----

  @Override
  public String executeTemplate(String name, Object data) {
    checkDepth(name);
    Executor nested = new Executor(namespace, budget, depth + 1, new StringBuilder());
    return nested.run(name, data);
  }

  @Override
  public String parseAndExecute(String name, String text, Object data) {
    checkDepth(name);
    Namespace child = namespace.child();
    try {
      Parser.parse(name, text, namespace.functions()).values().forEach(child::associate);
    } catch (ParseException e) {
      throw TemplateException.parse(name, e.getMessage());
    }
    Executor nested = new Executor(child, budget, depth + 1, new StringBuilder());
    return nested.run(name, data);
  }

  @Override
  public Map<String, Integer> includeCounts() {
    return budget.includeCounts;
  }

  private void checkDepth(String name) {
    if (depth + 1 >= budget.limits.maxTemplateDepth()) {
      throw TemplateException.limit(budget.file, "template: " + name + ": exceeded maximum template depth ("
          + budget.limits.maxTemplateDepth() + ")");
    }
  }

  // ---- errors ----

  /** Go's state.errorf: location and context of the current node. */
  private TemplateException errorf(String message) {
    String goMessage = goErrorText(message);
    return TemplateException.execution(budget.file, goMessage, List.of(goMessage, goMessage));
  }

  private String goErrorText(String message) {
    if (node == null) {
      return "template: " + tmplName + ": " + message;
    }
    return "template: " + tree.location(node) + ": executing " + GoQuote.quote(tmplName) + " at <"
        + node + ">: " + message;
  }

  /** "error calling NAME: ERR" wrapping the function's error (Go's %w keeps its chain). */
  private TemplateException callError(String name, RuntimeException cause) {
    List<String> causeChain;
    String causeText;
    if (cause instanceof TemplateException te) {
      causeText = te.goMessage();
      causeChain = te.unwrapChain();
    } else {
      causeText = cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
      causeChain = new ArrayList<>();
      causeChain.add(causeText);
      if (cause.getCause() instanceof TemplateException te) {
        causeChain.addAll(te.unwrapChain());
      }
    }
    String goMessage = goErrorText("error calling " + name + ": " + causeText);
    List<String> chain = new ArrayList<>(List.of(goMessage, goMessage));
    chain.addAll(causeChain);
    return TemplateException.execution(budget.file, goMessage, chain);
  }

  private void step() {
    long s = ++budget.steps;
    if (s > budget.limits.maxSteps()) {
      throw TemplateException.limit(budget.file, "template: " + tmplName + ": exceeded the evaluation budget of "
          + budget.limits.maxSteps() + " steps");
    }
    if ((s & 4095) == 0 && System.nanoTime() - budget.deadline > 0) {
      throw TemplateException.limit(budget.file, "template: " + tmplName + ": execution exceeded the time limit of "
          + budget.limits.timeout().toMillis() + "ms");
    }
  }

  private void write(String s) {
    budget.output += s.length();
    if (budget.output > budget.limits.maxOutputChars()) {
      throw TemplateException.limit(budget.file, "template: " + tmplName + ": output exceeds the limit of "
          + budget.limits.maxOutputChars() + " characters");
    }
    out.append(s);
  }

  // ---- variables ----

  private void push(String name, Object value) {
    if (varCount == varNames.length) {
      varNames = Arrays.copyOf(varNames, varCount * 2);
      varValues = Arrays.copyOf(varValues, varCount * 2);
    }
    varNames[varCount] = name;
    varValues[varCount] = value;
    varCount++;
  }

  private int mark() {
    return varCount;
  }

  private void pop(int mark) {
    for (int i = mark; i < varCount; i++) {
      varValues[i] = null;
    }
    varCount = mark;
  }

  private void setVar(String name, Object value) {
    for (int i = varCount - 1; i >= 0; i--) {
      if (varNames[i].equals(name)) {
        varValues[i] = value;
        return;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  private void setTopVar(int n, Object value) {
    varValues[varCount - n] = value;
  }

  private Object varValue(String name) {
    for (int i = varCount - 1; i >= 0; i--) {
      if (varNames[i].equals(name)) {
        return varValues[i];
      }
    }
    throw errorf("undefined variable: " + name);
  }

  // ---- walking ----

  private void walk(Object dot, Node n) {
    node = n;
    step();
    switch (n) {
      case ActionNode a -> {
        Object val = evalPipeline(dot, a.pipe());
        if (a.pipe().decl().isEmpty()) {
          printValue(a, val);
        }
      }
      case BreakNode b -> throw BREAK;
      case ContinueNode c -> throw CONTINUE;
      case CommentNode c -> { }
      case IfNode i -> walkIfOrWith(false, dot, i.pipe(), i.list(), i.elseList());
      case ListNode l -> {
        for (Node child : l.nodes()) {
          walk(dot, child);
        }
      }
      case RangeNode r -> walkRange(dot, r);
      case TemplateNode t -> walkTemplate(dot, t);
      case TextNode t -> write(t.text());
      case WithNode w -> walkIfOrWith(true, dot, w.pipe(), w.list(), w.elseList());
      default -> throw errorf("unknown node: " + n);
    }
  }

  private void walkIfOrWith(boolean isWith, Object dot, PipeNode pipe, ListNode list, ListNode elseList) {
    int mark = mark();
    try {
      Object val = evalPipeline(dot, pipe);
      if (isTrue(indirectInterface(val))) {
        walk(isWith ? val : dot, list);
      } else if (elseList != null) {
        walk(dot, elseList);
      }
    } finally {
      pop(mark);
    }
  }

  /** Go's isTrue: the truth of a value, as if/with/and/or/not see it. */
  static boolean isTrue(Object v) {
    return switch (v) {
      case null -> false;
      case Iface i -> isTrue(i.value());
      case String s -> !s.isEmpty();
      case Boolean b -> b;
      case Long l -> l != 0;
      case Int64 i -> i.value() != 0;
      case Double d -> d != 0;
      case Complex c -> c.real() != 0 || c.imag() != 0;
      case List<?> l -> !l.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      case byte[] b -> b.length > 0;
      default -> v != NO_VALUE; // structs (time, Go objects) are always true
    };
  }

  private static Object indirectInterface(Object v) {
    if (v == null) {
      return NO_VALUE;
    }
    if (v instanceof Iface i) {
      return i.value();
    }
    return v;
  }

  private void walkRange(Object dot, RangeNode r) {
    node = r;
    int outerMark = mark();
    try {
      Object val = evalPipeline(dot, r.pipe());
      int mark = mark();
      PipeNode pipe = r.pipe();
      boolean ran = false;
      switch (val) {
        case List<?> list -> {
          boolean iface = !(list instanceof GoSlice);
          for (int i = 0; i < list.size(); i++) {
            ran = true;
            Object elem = list.get(i);
            if (!oneIteration(r, pipe, mark, (long) i, iface ? wrapInterface(elem) : elem)) {
              break;
            }
          }
        }
        case byte[] bytes -> {
          for (int i = 0; i < bytes.length; i++) {
            ran = true;
            if (!oneIteration(r, pipe, mark, (long) i, (long) (bytes[i] & 0xff))) {
              break;
            }
          }
        }
        case Map<?, ?> map -> {
          boolean iface = elemIsInterface(map);
          List<String> keys = new ArrayList<>();
          for (Object k : map.keySet()) {
            keys.add((String) k);
          }
          keys.sort(GoStringOrder.ORDER);
          for (String k : keys) {
            ran = true;
            Object elem = map.get(k);
            if (!oneIteration(r, pipe, mark, k, iface ? wrapInterface(elem) : elem)) {
              break;
            }
          }
        }
        case Long n -> {
          if (pipe.decl().size() > 1) {
            throw errorf("can't use " + ValuePrinter.sprint(val) + " to iterate over more than one variable");
          }
          for (long i = 0; i < n; i++) {
            ran = true;
            if (!oneIteration(r, pipe, mark, NO_VALUE, i)) {
              break;
            }
          }
        }
        case Int64 n -> {
          if (pipe.decl().size() > 1) {
            throw errorf("can't use " + ValuePrinter.sprint(val) + " to iterate over more than one variable");
          }
          for (long i = 0; i < n.value(); i++) {
            ran = true;
            if (!oneIteration(r, pipe, mark, NO_VALUE, Int64.of(i))) {
              break;
            }
          }
        }
        default -> {
          if (val != NO_VALUE) {
            throw errorf("range can't iterate over " + ValuePrinter.sprint(val));
          }
        }
      }
      if (!ran && r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } finally {
      pop(outerMark);
    }
  }

  /** One pass of a range body; false when the body hit {{break}}. */
  private boolean oneIteration(RangeNode r, PipeNode pipe, int mark, Object index, Object elem) {
    List<VariableNode> decl = pipe.decl();
    if (!decl.isEmpty()) {
      if (pipe.isAssign()) {
        // With two variables, index comes first; with one, the element.
        setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : elem);
      } else {
        setTopVar(1, elem);
      }
    }
    if (decl.size() > 1) {
      if (pipe.isAssign()) {
        setVar(decl.get(1).ident().get(0), elem);
      } else {
        setTopVar(2, index);
      }
    }
    try {
      walk(elem, r.list());
    } catch (ContinueSignal c) {
      // next iteration
    } catch (BreakSignal b) {
      return false;
    } finally {
      pop(mark);
    }
    return true;
  }

  private void walkTemplate(Object dot, TemplateNode t) {
    node = t;
    Tree target = namespace.lookup(t.name());
    if (target == null) {
      throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
    }
    if (depth + 1 >= budget.limits.maxTemplateDepth()) {
      throw errorf("exceeded maximum template depth (" + budget.limits.maxTemplateDepth() + ")");
    }
    // Variables declared by the pipeline persist.
    Object newDot = evalPipeline(dot, t.pipe());
    Executor nested = new Executor(namespace, budget, depth + 1, out);
    nested.tree = target;
    nested.tmplName = target.name();
    // No dynamic scoping: template invocations inherit no variables.
    nested.push("$", newDot);
    nested.walk(newDot, target.root());
  }

  // ---- pipelines and commands ----

  private Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return NO_VALUE;
    }
    node = pipe;
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, cmd, value); // previous value is this one's final arg.
      // If the object has type interface{}, dig down one level to the thing inside.
      if (value == null) {
        value = NO_VALUE;
      } else if (value instanceof Iface i) {
        value = i.value();
      }
    }
    for (VariableNode variable : pipe.decl()) {
      if (pipe.isAssign()) {
        setVar(variable.ident().get(0), value);
      } else {
        push(variable.ident().get(0), value);
      }
    }
    return value;
  }

  private void notAFunction(List<Node> args, Object fin) {
    if ((args != null && args.size() > 1) || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    step();
    Node first = cmd.args().get(0);
    switch (first) {
      case FieldNode f:
        return evalFieldNode(dot, f, cmd.args(), fin);
      case ChainNode c:
        return evalChainNode(dot, c, cmd.args(), fin);
      case IdentifierNode id:
        // Must be a function.
        return evalFunction(dot, id, cmd, cmd.args(), fin);
      case PipeNode p:
        // Parenthesized pipeline. The arguments are all inside the pipeline; final must be absent.
        notAFunction(cmd.args(), fin);
        return evalPipeline(dot, p);
      case VariableNode v:
        return evalVariableNode(dot, v, cmd.args(), fin);
      default:
        break;
    }
    node = first;
    notAFunction(cmd.args(), fin);
    return switch (first) {
      case BoolNode b -> b.value();
      case DotNode d -> dot;
      case NilNode n -> throw errorf("nil is not a command");
      case NumberNode n -> idealConstant(n);
      case StringNode s -> s.text();
      default -> throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
    };
  }

  private Object idealConstant(NumberNode constant) {
    // Ideal constants: the syntax decides the type when there is no context.
    node = constant;
    if (constant.isComplex()) {
      return new Complex(constant.real(), constant.imag());
    }
    String text = constant.text();
    if (constant.isFloat() && !isHexInt(text) && !isRuneInt(text) && containsAny(text, ".eEpP")) {
      return constant.float64();
    }
    if (constant.isInt()) {
      return constant.int64();
    }
    if (constant.isUint()) {
      throw errorf(text + " overflows int");
    }
    return 0L;
  }

  private static boolean isRuneInt(String s) {
    return !s.isEmpty() && s.charAt(0) == '\'';
  }

  private static boolean isHexInt(String s) {
    return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
        && !containsAny(s, "pP");
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
    node = id;
    FunctionRegistry.Function fn = id.function();
    return evalCall(dot, fn.signature(), fn.body(), cmd, id.ident(), args, fin);
  }

  private Object evalFieldNode(Object dot, FieldNode field, List<Node> args, Object fin) {
    node = field;
    return evalFieldChain(dot, dot, field, field.ident(), 0, args, fin);
  }

  private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
    node = chain;
    if (chain.node() instanceof NilNode) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
    Object pipe = evalArgUntyped(dot, chain.node());
    return evalFieldChain(dot, pipe, chain, chain.field(), 0, args, fin);
  }

  private Object evalVariableNode(Object dot, VariableNode variable, List<Node> args, Object fin) {
    // $x.Field has $x as the first ident, Field as the second. Eval the var, then the fields.
    node = variable;
    Object value = varValue(variable.ident().get(0));
    if (variable.ident().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return evalFieldChain(dot, value, variable, variable.ident(), 1, args, fin);
  }

  // evalFieldChain evaluates .X.Y.Z possibly followed by arguments.
  private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, int from,
      List<Node> args, Object fin) {
    int last = ident.size() - 1;
    for (int i = from; i < last; i++) {
      receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
    }
    // Now if it's a method, it gets the arguments.
    return evalField(dot, ident.get(last), n, args, fin, receiver);
  }

  private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver) {
    if (receiver == NO_VALUE) {
      return NO_VALUE; // missingkey=zero: an invalid receiver yields no value
    }
    String typ;
    Object value;
    if (receiver == null) {
      // Calling a method on a nil interface can't work; the receiver is nil.
      throw errorf("nil pointer evaluating interface {}." + fieldName);
    } else if (receiver instanceof Iface i) {
      typ = "interface {}";
      value = i.value();
    } else {
      typ = typeName(receiver);
      value = receiver;
    }
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    // Method first, then field, as Go does; a named map type (engine.files) falls back to its keys.
    if (value instanceof GoObject obj) {
      GoObject.Member member = obj.member(fieldName);
      if (member instanceof GoObject.Method m) {
        return evalCall(dot, m.signature(), m.function(), n, fieldName, args, fin);
      }
      if (member instanceof GoObject.Field f) {
        if (hasArgs) {
          throw errorf(fieldName + " has arguments but cannot be invoked as function");
        }
        return f.value();
      }
    }
    if (value instanceof ZonedDateTime time && TimeMethods.member(time, fieldName) instanceof GoObject.Method m) {
      return evalCall(dot, m.signature(), m.function(), n, fieldName, args, fin);
    } else if (value instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw errorf(fieldName + " is not a method but has arguments");
      }
      Object result = map.get(fieldName);
      if (elemIsInterface(map)) {
        return wrapInterface(result);
      }
      return result == null ? "" : result; // zero value of string for map[string]string
    }
    throw errorf("can't evaluate field " + fieldName + " in type " + typ);
  }

  private static boolean elemIsInterface(Map<?, ?> map) {
    return !(map instanceof NamedMap nm) || !nm.goTypeName().equals("map[string]string");
  }

  private static Object wrapInterface(Object v) {
    return v == null ? null : new Iface(v);
  }

  private static String typeName(Object v) {
    if (v instanceof Complex) {
      return "complex128";
    }
    return GoTypes.typeName(v);
  }

  // ---- calls ----

  private Object evalCall(Object dot, FunctionSignature sig, TemplateFunction body, Node callNode,
      String name, List<Node> args, Object fin) {
    // args[0] is the function name/node; it is not passed to the function.
    int nArgs = args == null ? 0 : args.size() - 1;
    int numIn = nArgs + (fin != MISSING ? 1 : 0);
    int numParams = sig.parameters().size();
    int numFixed = nArgs;
    if (sig.isVariadic()) {
      numFixed = numParams;
      if (numIn < numFixed) {
        throw errorf("wrong number of args for " + name + ": want at least " + numParams + " got " + nArgs);
      }
    } else if (numIn != numParams) {
      throw errorf("wrong number of args for " + name + ": want " + numParams + " got " + numIn);
    }
    GoBuiltins.Reflective builtin = body instanceof GoBuiltins.Reflective r ? r : null;

    // Special case for builtin and/or, which short-circuit and return an operand.
    if (builtin == GoBuiltins.Reflective.AND || builtin == GoBuiltins.Reflective.OR) {
      boolean isOr = builtin == GoBuiltins.Reflective.OR;
      Object v = NO_VALUE;
      for (int i = 1; i <= nArgs; i++) {
        v = evalArgReflect(dot, args.get(i));
        if (isTrue(indirectInterface(v)) == isOr) {
          return v;
        }
      }
      if (fin != MISSING) {
        v = fin;
      }
      return v;
    }

    Object[] argv = new Object[numIn];
    int i = 0;
    for (; i < numFixed && i < nArgs; i++) {
      argv[i] = builtin != null ? evalArgReflect(dot, args.get(i + 1)) : evalArg(dot, sig.parameters().get(i), args.get(i + 1));
    }
    if (sig.isVariadic()) {
      for (; i < nArgs; i++) {
        argv[i] = builtin != null ? evalArgReflect(dot, args.get(i + 1)) : evalArg(dot, sig.variadic(), args.get(i + 1));
      }
    }
    if (fin != MISSING) {
      GoType t = sig.isVariadic() && numIn - 1 >= numFixed ? sig.variadic() : sig.parameters().get(numIn - 1);
      argv[i] = builtin != null ? fin : validateType(fin, t);
    }

    try {
      if (builtin != null) {
        String calleeName = builtin == GoBuiltins.Reflective.CALL && nArgs > 0 ? args.get(1).toString() : null;
        return callReflective(builtin, argv, calleeName);
      }
      Object result = body.call(this, argv);
      return result;
    } catch (FunctionException | TemplateException e) {
      if (e instanceof TemplateException te && te.kind() == TemplateException.Kind.LIMIT) {
        throw te;
      }
      node = callNode;
      throw callError(name, e);
    } catch (ArithmeticException | IndexOutOfBoundsException | ClassCastException | NullPointerException
        | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
      // A bug-shaped failure inside a function body: report it like Go reports a recovered panic.
      node = callNode;
      throw callError(name, new FunctionException(String.valueOf(e.getMessage() == null ? e : e.getMessage())));
    }
  }

  /** Evaluates an argument for a builtin whose parameter is a reflect.Value. */
  private Object evalArgReflect(Object dot, Node n) {
    node = n;
    return switch (n) {
      case DotNode d -> dot;
      case NilNode nil -> NO_VALUE;
      case FieldNode f -> evalFieldNode(dot, f, List.of(n), MISSING);
      case VariableNode v -> evalVariableNode(dot, v, null, MISSING);
      case PipeNode p -> evalPipeline(dot, p);
      case IdentifierNode id -> evalFunction(dot, id, id, null, MISSING);
      case ChainNode c -> evalChainNode(dot, c, null, MISSING);
      default -> evalEmptyInterface(dot, n);
    };
  }

  /** evalArg with no type: used for the term of a chain node. */
  private Object evalArgUntyped(Object dot, Node n) {
    node = n;
    return switch (n) {
      case PipeNode p -> evalPipeline(dot, p);
      default -> evalArgReflect(dot, n);
    };
  }

  /** Go's evalArg: evaluates and converts an argument for a parameter of type {@code typ}. */
  private Object evalArg(Object dot, GoType typ, Node n) {
    node = n;
    switch (n) {
      case DotNode d:
        return validateType(dot, typ);
      case NilNode nil:
        if (canBeNil(typ)) {
          return null;
        }
        throw errorf("cannot assign nil to " + typ.goName());
      case FieldNode f:
        return validateType(evalFieldNode(dot, f, List.of(n), MISSING), typ);
      case VariableNode v:
        return validateType(evalVariableNode(dot, v, null, MISSING), typ);
      case PipeNode p:
        return validateType(evalPipeline(dot, p), typ);
      case IdentifierNode id:
        return validateType(evalFunction(dot, id, id, null, MISSING), typ);
      case ChainNode c:
        return validateType(evalChainNode(dot, c, null, MISSING), typ);
      default:
        break;
    }
    return switch (typ) {
      case BOOL -> {
        if (n instanceof BoolNode b) {
          yield b.value();
        }
        throw errorf("expected bool; found " + n);
      }
      case FLOAT64 -> {
        if (n instanceof NumberNode num && num.isFloat()) {
          yield num.float64();
        }
        throw errorf("expected float; found " + n);
      }
      case INT, INT64 -> {
        if (n instanceof NumberNode num && num.isInt()) {
          yield num.int64();
        }
        throw errorf("expected integer; found " + n);
      }
      case UINT32 -> {
        if (n instanceof NumberNode num && num.isUint()) {
          yield num.uint64() & 0xffffffffL;
        }
        throw errorf("expected unsigned integer; found " + n);
      }
      case STRING -> {
        if (n instanceof StringNode s) {
          yield s.text();
        }
        throw errorf("expected string; found " + n);
      }
      case ANY -> unwrapForCall(evalEmptyInterface(dot, n));
      default -> throw errorf("can't handle " + n + " for arg of type " + typ.goName());
    };
  }

  private Object evalEmptyInterface(Object dot, Node n) {
    node = n;
    return switch (n) {
      case BoolNode b -> b.value();
      case DotNode d -> dot;
      case FieldNode f -> evalFieldNode(dot, f, null, MISSING);
      case IdentifierNode id -> evalFunction(dot, id, id, null, MISSING);
      case NumberNode num -> idealConstant(num);
      case StringNode s -> s.text();
      case VariableNode v -> evalVariableNode(dot, v, null, MISSING);
      case PipeNode p -> evalPipeline(dot, p);
      default -> throw errorf("can't handle assignment of " + n + " to empty interface argument");
    };
  }

  private static boolean canBeNil(GoType typ) {
    return typ == GoType.ANY || typ == GoType.LIST || typ == GoType.STRING_SLICE || typ == GoType.MAP;
  }

  private static Object unwrapForCall(Object v) {
    if (v == NO_VALUE) {
      return null;
    }
    return v instanceof Iface i ? i.value() : v;
  }

  /** Go's validateType: checks an evaluated value against a parameter type. */
  private Object validateType(Object value, GoType typ) {
    if (value == NO_VALUE) {
      if (canBeNil(typ)) {
        return null;
      }
      throw errorf("invalid value; expected " + typ.goName());
    }
    if (typ == GoType.ANY) {
      return unwrapForCall(value);
    }
    if (value == null) {
      throw errorf("wrong type for value; expected " + typ.goName() + "; got interface {}");
    }
    Object v = value instanceof Iface i ? i.value() : value;
    Object converted = assign(v, typ);
    if (converted == null) {
      throw errorf("wrong type for value; expected " + typ.goName() + "; got " + typeName(v));
    }
    return converted;
  }

  /** The Java value a parameter of {@code typ} receives for {@code v}, or null if not assignable. */
  private static Object assign(Object v, GoType typ) {
    return switch (typ) {
      case STRING -> v instanceof String ? v : null;
      case INT -> v instanceof Long ? v : null;
      case INT64 -> v instanceof Int64 i ? (Object) i.value() : null;
      case UINT32 -> null;
      case FLOAT64 -> v instanceof Double ? v : null;
      case BOOL -> v instanceof Boolean ? v : null;
      case LIST -> v instanceof List<?> && !(v instanceof GoSlice) ? v : null;
      case STRING_SLICE -> v instanceof GoSlice s && s.elementType().equals("string") ? v : null;
      case MAP -> v instanceof Map<?, ?> m && elemIsInterface(m) ? v : null;
      case TIME -> v instanceof ZonedDateTime ? v : null;
      case ANY -> v;
    };
  }

  // ---- the builtins that work on reflect.Values ----

  private Object callReflective(GoBuiltins.Reflective builtin, Object[] argv, String calleeName) {
    return switch (builtin) {
      case NOT -> !isTrue(indirectInterface(argv[0]));
      case LEN -> length(argv[0]);
      case INDEX -> index(argv[0], Arrays.copyOfRange(argv, 1, argv.length));
      case CALL -> call(calleeName, argv[0]);
      case AND, OR -> throw new IllegalStateException("and/or are evaluated lazily");
    };
  }

  private static Object length(Object item) {
    if (item == null) {
      throw new FunctionException("len of nil pointer");
    }
    if (item == NO_VALUE) {
      throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
    }
    Object v = item instanceof Iface i ? i.value() : item;
    return switch (v) {
      case String s -> (long) s.getBytes(StandardCharsets.UTF_8).length;
      case List<?> l -> (long) l.size();
      case Map<?, ?> m -> (long) m.size();
      case byte[] b -> (long) b.length;
      default -> throw new FunctionException("len of type " + typeName(v));
    };
  }

  private static Object index(Object item, Object[] indexes) {
    item = indirectInterface(item);
    if (item == NO_VALUE) {
      throw new FunctionException("index of untyped nil");
    }
    for (Object rawIndex : indexes) {
      Object index = indirectInterface(rawIndex);
      if (item == null) {
        throw new FunctionException("index of nil pointer");
      }
      if (item instanceof Iface i) {
        item = i.value();
      }
      switch (item) {
        case String s -> {
          byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
          int x = indexArg(index, bytes.length);
          if (x == bytes.length) {
            throw new FunctionException("reflect: string index out of range");
          }
          item = (long) (bytes[x] & 0xff);
        }
        case byte[] bytes -> {
          int x = indexArg(index, bytes.length);
          if (x == bytes.length) {
            throw new FunctionException("reflect: slice index out of range");
          }
          item = (long) (bytes[x] & 0xff);
        }
        case List<?> list -> {
          int x = indexArg(index, list.size());
          if (x == list.size()) {
            throw new FunctionException("reflect: slice index out of range");
          }
          Object elem = list.get(x);
          item = list instanceof GoSlice ? elem : wrapInterface(elem);
        }
        case Map<?, ?> map -> {
          if (index == NO_VALUE) {
            throw new FunctionException("value is nil; should be of type string");
          }
          if (!(index instanceof String key)) {
            throw new FunctionException("value has type " + typeName(index) + "; should be string");
          }
          Object elem = map.get(key);
          if (elemIsInterface(map)) {
            item = wrapInterface(elem);
          } else {
            item = elem == null ? "" : elem;
          }
        }
        default -> throw new FunctionException("can't index item of type " + typeName(item));
      }
    }
    return item;
  }

  private static int indexArg(Object index, int cap) {
    long x;
    if (index instanceof Long l) {
      x = l;
    } else if (index instanceof Int64 l) {
      x = l.value();
    } else if (index == NO_VALUE) {
      throw new FunctionException("cannot index slice/array with nil");
    } else {
      throw new FunctionException("cannot index slice/array with type " + typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new FunctionException("index out of range: " + x);
    }
    return (int) x;
  }

  private static Object call(String name, Object fn) {
    fn = indirectInterface(fn);
    if (fn == NO_VALUE) {
      throw new FunctionException("call of nil");
    }
    throw new FunctionException("non-function " + name + " of type " + typeName(fn));
  }

  // ---- printing ----

  private void printValue(Node n, Object v) {
    node = n;
    if (v == NO_VALUE || v == null) {
      write("<no value>");
      return;
    }
    Object printable = v instanceof Iface i ? i.value() : v;
    if (printable instanceof Complex c) {
      // Go prints complex128 as (real+imag i), each part like a float.
      String imag = ValuePrinter.sprint(c.imag());
      write("(" + ValuePrinter.sprint(c.real()) + (imag.startsWith("-") || imag.startsWith("+") ? "" : "+") + imag + "i)");
      return;
    }
    write(ValuePrinter.sprint(printable));
  }
}
