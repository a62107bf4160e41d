package io.ocihelm.template.parse;

import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.parse.Node.*;
import io.ocihelm.template.parse.Token.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go text/template's recursive-descent parser ({@code parse/parse.go}): one instance parses one
 * template text into its main tree plus every {@code define}/{@code block} it contains, which go
 * into the shared {@code treeSet}. Function names are resolved against the registry here, so an
 * unknown function is a parse error ("function %q not defined") and execution never looks names up.
 */
public final class Parser {
  private final String parseName;
  private final String text;
  private final FunctionRegistry functions;
  private final Map<String, Tree> treeSet;
  private final Lexer lex;
  private final Token[] token = new Token[3];
  private int peekCount;
  private List<String> vars = new ArrayList<>();
  private int actionLine;
  private int rangeDepth;
  /** The name of the tree being parsed (the file, or a define's name). */
  private String name;

  private Parser(String name, String text, FunctionRegistry functions, Map<String, Tree> treeSet, Lexer lex) {
    this.parseName = name;
    this.name = name;
    this.text = text;
    this.functions = functions;
    this.treeSet = treeSet;
    this.lex = lex;
  }

  /**
   * Parses {@code text} as the template {@code name}: returns the main tree and every definition
   * it contains, by name (a second non-empty definition in the same text is an error).
   */
  public static Map<String, Tree> parse(String name, String text, FunctionRegistry functions) {
    Map<String, Tree> treeSet = new java.util.LinkedHashMap<>();
    Lexer lexer = new Lexer(text);
    lexer.breakOk = !functions.has("break");
    lexer.continueOk = !functions.has("continue");
    Parser p = new Parser(name, text, functions, treeSet, lexer);
    p.vars.add("$");
    ListNode root = p.parseTop();
    p.add(new Tree(name, name, root, text));
    return treeSet;
  }

  // ---- token buffer, as Go's Tree.next/backup/peek ----

  private Token next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lex.nextItem();
    }
    return token[peekCount];
  }

  private void backup() {
    peekCount++;
  }

  private void backup2(Token t1) {
    token[1] = t1;
    peekCount = 2;
  }

  private void backup3(Token t2, Token t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  private Token peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lex.nextItem();
    return token[0];
  }

  private Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.type() == Type.SPACE);
    return t;
  }

  private Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  // ---- errors ----

  private ParseException errorf(String message) {
    int line = token[0] == null ? 1 : token[0].line();
    throw new ParseException("template: " + parseName + ":" + line + ": " + message);
  }

  private Token expect(Type expected, String context) {
    Token t = nextNonSpace();
    if (t.type() != expected) {
      unexpected(t, context);
    }
    return t;
  }

  private Token expectOneOf(Type e1, Type e2, String context) {
    Token t = nextNonSpace();
    if (t.type() != e1 && t.type() != e2) {
      unexpected(t, context);
    }
    return t;
  }

  private void unexpected(Token t, String context) {
    if (t.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != t.line()) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (t.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      throw errorf(t + extra);
    }
    throw errorf("unexpected " + t + " in " + context);
  }

  // add installs a tree in this text's set: an empty redefinition never replaces a body, and two
  // non-empty definitions in one text are an error (Go's Tree.add).
  private void add(Tree tree) {
    Tree existing = treeSet.get(tree.name());
    if (existing == null || Tree.isEmpty(existing.root())) {
      treeSet.put(tree.name(), tree);
      return;
    }
    if (!Tree.isEmpty(tree.root())) {
      throw errorf("template: multiple definition of template " + GoQuote.quote(tree.name()));
    }
  }

  // parse is the top-level parser for a template, essentially the same as itemList except it also
  // parses {{define}} actions. It runs to EOF.
  private ListNode parseTop() {
    int pos = peek().pos();
    List<Node> nodes = new ArrayList<>();
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        Token delim = next();
        if (nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        backup2(delim);
      }
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw errorf("unexpected " + n);
      }
      nodes.add(n);
    }
    return new ListNode(pos, nodes);
  }

  // Definition: {{define "name"}} itemList {{end}}. The "define" keyword has already been scanned.
  private void parseDefinition() {
    final String context = "define clause";
    Token nameToken = expectOneOf(Type.STRING, Type.RAW_STRING, context);
    String defName = unquote(nameToken.val());
    expect(Type.RIGHT_DELIM, context);
    List<String> savedVars = vars;
    String savedName = name;
    vars = new ArrayList<>(List.of("$"));
    name = defName;
    ListAndEnd body = itemList();
    if (!(body.end instanceof EndNode)) {
      throw errorf("unexpected " + body.end + " in " + context);
    }
    add(new Tree(defName, parseName, body.list, text));
    vars = savedVars;
    name = savedName;
  }

  private record ListAndEnd(ListNode list, Node end) {}

  // itemList: textOrAction* ; terminates at {{end}} or {{else}}, returned separately.
  private ListAndEnd itemList() {
    int pos = peekNonSpace().pos();
    List<Node> nodes = new ArrayList<>();
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        return new ListAndEnd(new ListNode(pos, nodes), n);
      }
      nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  // textOrAction: text | comment | action
  private Node textOrAction() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new TextNode(t.pos(), t.val());
      case LEFT_DELIM:
        actionLine = t.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      case COMMENT:
        return new CommentNode(t.pos(), t.val());
      default:
        unexpected(t, "input");
        return null;
    }
  }

  // Action: control | command ("|" command)* . Left delim is past. First word could be a keyword.
  private Node action() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return breakControl(t.pos(), t.line());
      case CONTINUE:
        return continueControl(t.pos(), t.line());
      case ELSE:
        return elseControl();
      case END:
        return endControl();
      case IF:
        return ifControl();
      case RANGE:
        return rangeControl();
      case TEMPLATE:
        return templateControl();
      case WITH:
        return withControl();
      default:
        break;
    }
    backup();
    Token first = peek();
    // Do not pop variables; they persist until "end".
    return new ActionNode(first.pos(), first.line(), pipeline("command", Type.RIGHT_DELIM));
  }

  // Break: {{break}} ; break keyword is past.
  private Node breakControl(int pos, int line) {
    Token t = nextNonSpace();
    if (t.type() != Type.RIGHT_DELIM) {
      unexpected(t, "{{break}}");
    }
    if (rangeDepth == 0) {
      throw errorf("{{break}} outside {{range}}");
    }
    return new BreakNode(pos, line);
  }

  // Continue: {{continue}} ; continue keyword is past.
  private Node continueControl(int pos, int line) {
    Token t = nextNonSpace();
    if (t.type() != Type.RIGHT_DELIM) {
      unexpected(t, "{{continue}}");
    }
    if (rangeDepth == 0) {
      throw errorf("{{continue}} outside {{range}}");
    }
    return new ContinueNode(pos, line);
  }

  // Pipeline: declarations? command ('|' command)*
  private PipeNode pipeline(String context, Type end) {
    Token first = peekNonSpace();
    boolean isAssign = false;
    List<VariableNode> decl = new ArrayList<>();
    List<CommandNode> cmds = new ArrayList<>();
    // Are there declarations or assignments?
    decls:
    while (true) {
      Token v = peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        break;
      }
      next();
      // 3-token look-ahead: in "$x foo" we need to read "foo" (not ":=") to know $x is an argument.
      Token tokenAfterVariable = peek();
      Token nextTok = peekNonSpace();
      if (nextTok.type() == Type.ASSIGN || nextTok.type() == Type.DECLARE) {
        isAssign = nextTok.type() == Type.ASSIGN;
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
      } else if (nextTok.type() == Type.CHAR && nextTok.val().equals(",")) {
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          Type after = peekNonSpace().type();
          if (after == Type.VARIABLE || after == Type.RIGHT_DELIM || after == Type.RIGHT_PAREN) {
            continue decls; // second initialized variable in a range pipeline
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else if (tokenAfterVariable.type() == Type.SPACE) {
        backup3(v, tokenAfterVariable);
      } else {
        backup2(v);
      }
      break;
    }
    while (true) {
      Token t = nextNonSpace();
      if (t.type() == end) {
        PipeNode pipe = new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type()) {
        case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
            VARIABLE, LEFT_PAREN -> {
          backup();
          cmds.add(command());
        }
        default -> unexpected(t, context);
      }
    }
  }

  private void checkPipeline(PipeNode pipe, String context) {
    // Reject empty pipelines
    if (pipe.cmds().isEmpty()) {
      throw errorf("missing value for " + context);
    }
    // Only the first command of a pipeline can start with a non executable operand
    for (int i = 1; i < pipe.cmds().size(); i++) {
      Node first = pipe.cmds().get(i).args().get(0);
      if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
          || first instanceof NumberNode || first instanceof StringNode) {
        // With A|B|C, pipeline stage 2 is B
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private record Control(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) {}

  private Control parseControl(String context) {
    int varsMark = vars.size();
    try {
      PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
      if (context.equals("range")) {
        rangeDepth++;
      }
      ListAndEnd body = itemList();
      if (context.equals("range")) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (body.end instanceof ElseNode elseNode) {
        // "else if" / "else with" are treated as {{else}}{{if ...}}...{{end}}{{end}}; the inner
        // control stops at its {{end}} and the outer {{end}} is assumed.
        if (context.equals("if") && peek().type() == Type.IF) {
          next();
          elseList = new ListNode(elseNode.pos(), List.of(ifControl()));
        } else if (context.equals("with") && peek().type() == Type.WITH) {
          next();
          elseList = new ListNode(elseNode.pos(), List.of(withControl()));
        } else {
          ListAndEnd elseBody = itemList();
          if (!(elseBody.end instanceof EndNode)) {
            throw errorf("expected end; found " + elseBody.end);
          }
          elseList = elseBody.list;
        }
      }
      return new Control(pipe.pos(), pipe.line(), pipe, body.list, elseList);
    } finally {
      while (vars.size() > varsMark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  // If: {{if pipeline}} itemList {{end}} | {{if pipeline}} itemList {{else}} itemList {{end}}
  private Node ifControl() {
    Control c = parseControl("if");
    return new IfNode(c.pos, c.line, c.pipe, c.list, c.elseList);
  }

  // Range: {{range pipeline}} itemList {{end}} | ... {{else}} itemList {{end}}
  private Node rangeControl() {
    Control c = parseControl("range");
    return new RangeNode(c.pos, c.line, c.pipe, c.list, c.elseList);
  }

  // With: {{with pipeline}} itemList {{end}} | ... {{else}} itemList {{end}}
  private Node withControl() {
    Control c = parseControl("with");
    return new WithNode(c.pos, c.line, c.pipe, c.list, c.elseList);
  }

  // End: {{end}} ; end keyword is past.
  private Node endControl() {
    return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
  }

  // Else: {{else}} ; else keyword is past. "{{else if" and "{{else with" leave the keyword pending.
  private Node elseControl() {
    Token p = peekNonSpace();
    if (p.type() == Type.IF || p.type() == Type.WITH) {
      return new ElseNode(p.pos(), p.line());
    }
    Token t = expect(Type.RIGHT_DELIM, "else");
    return new ElseNode(t.pos(), t.line());
  }

  // Block: {{block stringValue pipeline}} ; block keyword is past. The pipeline is mandatory.
  private Node blockControl() {
    final String context = "block clause";
    Token t = nextNonSpace();
    String blockName = parseTemplateName(t, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> savedVars = vars;
    int savedRange = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    ListAndEnd body = itemList();
    if (!(body.end instanceof EndNode)) {
      throw errorf("unexpected " + body.end + " in " + context);
    }
    add(new Tree(blockName, parseName, body.list, text));
    vars = savedVars;
    rangeDepth = savedRange;
    return new TemplateNode(t.pos(), t.line(), blockName, pipe);
  }

  // Template: {{template stringValue pipeline}} ; template keyword is past.
  private Node templateControl() {
    final String context = "template clause";
    Token t = nextNonSpace();
    String templateName = parseTemplateName(t, context);
    PipeNode pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      backup();
      // Do not pop variables; they persist until "end".
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new TemplateNode(t.pos(), t.line(), templateName, pipe);
  }

  private String parseTemplateName(Token t, String context) {
    if (t.type() == Type.STRING || t.type() == Type.RAW_STRING) {
      return unquote(t.val());
    }
    unexpected(t, context);
    return null;
  }

  // command: operand (space operand)* ; up to a pipeline character or right delimiter.
  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace(); // skip leading spaces.
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token t = next();
      if (t.type() == Type.SPACE) {
        continue;
      }
      if (t.type() == Type.RIGHT_DELIM || t.type() == Type.RIGHT_PAREN) {
        backup();
      } else if (t.type() != Type.PIPE) {
        unexpected(t, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw errorf("empty command");
    }
    return new CommandNode(pos, args);
  }

  // operand: term .Field*
  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      int chainPos = peek().pos();
      List<String> fields = new ArrayList<>();
      while (peek().type() == Type.FIELD) {
        fields.add(next().val().substring(1));
      }
      // Fields on a field or variable extend it; obvious errors with literals are caught here.
      switch (node) {
        case FieldNode f -> {
          List<String> all = new ArrayList<>(f.ident());
          all.addAll(fields);
          node = new FieldNode(chainPos, all);
        }
        case VariableNode v -> {
          List<String> all = new ArrayList<>(v.ident());
          all.addAll(fields);
          node = new VariableNode(chainPos, all);
        }
        case BoolNode b -> throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
        case StringNode s -> throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
        case NumberNode n -> throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
        case NilNode n -> throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
        case DotNode d -> throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
        default -> node = new ChainNode(chainPos, node, fields);
      }
    }
    return node;
  }

  // term: literal | function | . | .Field | $ | '(' pipeline ')'
  private Node term() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case IDENTIFIER: {
        FunctionRegistry.Function fn = functions.lookup(t.val()).orElse(null);
        if (fn == null) {
          throw errorf("function " + GoQuote.quote(t.val()) + " not defined");
        }
        return new IdentifierNode(t.pos(), t.val(), fn);
      }
      case DOT:
        return new DotNode(t.pos());
      case NIL:
        return new NilNode(t.pos());
      case VARIABLE:
        return useVar(t.pos(), t.val());
      case FIELD:
        return new FieldNode(t.pos(), List.of(t.val().substring(1)));
      case BOOL:
        return new BoolNode(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT, COMPLEX, NUMBER:
        return newNumber(t.pos(), t.val(), t.type());
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING, RAW_STRING:
        return new StringNode(t.pos(), t.val(), unquote(t.val()));
      default:
        backup();
        return null;
    }
  }

  // useVar returns a node for a variable reference; it is an error if the variable is not defined.
  private Node useVar(int pos, String varName) {
    String[] parts = varName.split("\\.", -1);
    String first = parts[0];
    if (!vars.contains(first)) {
      throw errorf("undefined variable " + GoQuote.quote(first));
    }
    return new VariableNode(pos, List.of(parts));
  }

  private String unquote(String lit) {
    try {
      return GoQuote.unquote(lit);
    } catch (IllegalArgumentException e) {
      throw errorf("invalid syntax");
    }
  }

  // ---- numbers: Go's newNumber, every interpretation that parses ----

  private NumberNode newNumber(int pos, String text, Type typ) {
    if (typ == Type.CHAR_CONSTANT) {
      int[] i = {1};
      int rune;
      try {
        rune = GoQuote.unquoteChar(text, i, '\'');
      } catch (IllegalArgumentException e) {
        throw errorf("invalid syntax");
      }
      if (!text.substring(i[0]).equals("'")) {
        throw errorf("malformed character constant: " + text);
      }
      return new NumberNode(pos, text, true, true, true, false, rune, rune, rune, 0, 0);
    }
    if (typ == Type.COMPLEX) {
      // "1+2i": split at the sign that starts the imaginary part.
      int split = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
      double re = parseGoFloat(text.substring(0, split));
      double im = parseGoFloat(text.substring(split, text.length() - 1));
      if (Double.isNaN(re) || Double.isNaN(im)) {
        throw errorf("expected integer"); // fmt.Sscan's complaint; never produced by valid lexing
      }
      return simplifyComplex(pos, text, re, im);
    }
    // Imaginary constants can only be complex unless they are zero.
    if (!text.isEmpty() && text.charAt(text.length() - 1) == 'i') {
      double f = parseGoFloat(text.substring(0, text.length() - 1));
      if (!Double.isNaN(f)) {
        return simplifyComplex(pos, text, 0, f);
      }
    }
    BigInteger u = parseGoInt(text, true);
    BigInteger s = parseGoInt(text, false);
    boolean isUint = u != null && u.signum() >= 0 && u.bitLength() <= 64;
    boolean isInt = s != null && s.bitLength() <= 63;
    long uint64 = isUint ? u.longValue() : 0;
    long int64 = isInt ? s.longValue() : 0;
    if (isInt && int64 == 0) {
      isUint = true; // in case of -0.
    }
    boolean isFloat = false;
    double float64 = 0;
    if (isInt) {
      isFloat = true;
      float64 = int64;
    } else if (isUint) {
      isFloat = true;
      float64 = u.doubleValue();
    } else {
      double f = parseGoFloat(text);
      if (!Double.isNaN(f)) {
        // Parsed as a float but looks like an integer: a huge number too large for an int.
        if (!containsAny(text, ".eEpP")) {
          throw errorf("integer overflow: " + GoQuote.quote(text));
        }
        isFloat = true;
        float64 = f;
        if (!Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 9.223372036854775807E18) {
          isInt = true;
          int64 = (long) f;
        }
        if (!Double.isInfinite(f) && f == Math.rint(f) && f >= 0 && f < 1.8446744073709552E19) {
          isUint = true;
          uint64 = new java.math.BigDecimal(f).toBigInteger().longValue();
        }
      }
    }
    if (!isInt && !isUint && !isFloat) {
      throw errorf("illegal number syntax: " + GoQuote.quote(text));
    }
    return new NumberNode(pos, text, isInt, isUint, isFloat, false, int64, uint64, float64, 0, 0);
  }

  private NumberNode simplifyComplex(int pos, String text, double re, double im) {
    boolean isFloat = im == 0;
    boolean isInt = false;
    boolean isUint = false;
    long int64 = 0;
    long uint64 = 0;
    double float64 = 0;
    if (isFloat) {
      float64 = re;
      isInt = re == Math.rint(re) && Math.abs(re) < 9.223372036854775807E18;
      if (isInt) {
        int64 = (long) re;
      }
      isUint = re == Math.rint(re) && re >= 0 && re < 1.8446744073709552E19;
      if (isUint) {
        uint64 = (long) re;
      }
    }
    return new NumberNode(pos, text, isInt, isUint, isFloat, true, int64, uint64, float64, re, im);
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code strconv.ParseInt/ParseUint(s, 0, 64)} syntax; null when it does not parse. */
  static BigInteger parseGoInt(String s, boolean unsigned) {
    if (s.isEmpty()) {
      return null;
    }
    int i = 0;
    boolean neg = false;
    if (!unsigned && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      neg = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int base = 10;
    String digits = body;
    boolean prefixed = false;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x') {
        base = 16;
        digits = body.substring(2);
        prefixed = true;
      } else if (p == 'o') {
        base = 8;
        digits = body.substring(2);
        prefixed = true;
      } else if (p == 'b') {
        base = 2;
        digits = body.substring(2);
        prefixed = true;
      } else {
        base = 8;
        digits = body.substring(1);
        prefixed = true;
      }
    }
    if (!underscoreOk(body)) {
      return null;
    }
    digits = digits.replace("_", "");
    if (digits.isEmpty()) {
      return prefixed && base == 8 && body.length() >= 1 && !body.substring(1).isEmpty() ? null
          : (body.equals("0") ? BigInteger.ZERO : null);
    }
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), base) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, base);
    return neg ? v.negate() : v;
  }

  /** Go's {@code underscoreOK}: underscores only between digits (or after a base prefix). */
  private static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (s.length() >= 1 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0';
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (hex && Character.digit(c, 16) >= 0)) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /** Go's {@code strconv.ParseFloat(s, 64)} syntax; NaN when it does not parse. */
  static double parseGoFloat(String s) {
    if (s.isEmpty() || !underscoreOk(s)) {
      return Double.NaN;
    }
    String t = s.replace("_", "");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E'
          || c == 'x' || c == 'X' || c == 'p' || c == 'P' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return Double.NaN;
      }
    }
    String lower = t.toLowerCase();
    boolean hex = lower.startsWith("0x") || lower.startsWith("+0x") || lower.startsWith("-0x");
    if (hex && !lower.contains("p")) {
      return Double.NaN;
    }
    if (!hex && containsAny(lower, "abcdf")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
