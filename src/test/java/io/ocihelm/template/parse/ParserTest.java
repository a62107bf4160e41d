package io.ocihelm.template.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoBuiltins;
import io.ocihelm.template.function.GoType;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven like Go's parse_test.go: source → tree printed back, and every parse error's text. */
class ParserTest {
  private static final FunctionRegistry FUNCTIONS = new FunctionRegistry();

  static {
    GoBuiltins.register(FUNCTIONS);
    FunctionSignature any = FunctionSignature.variadic(GoType.ANY);
    for (String name : new String[] {"printf", "list", "upper", "quote"}) {
      FUNCTIONS.register(name, any, (ctx, args) -> null);
    }
  }

  record Case(String name, String input, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> trees() {
    return Stream.of(
        new Case("empty", "", ""),
        new Case("spaces", " \t\n", " \t\n"),
        new Case("text", "some text", "some text"),
        new Case("field", "{{.X}}", "{{.X}}"),
        new Case("field chain", "{{.X.Y.Z}}", "{{.X.Y.Z}}"),
        new Case("dollar", "{{$}}", "{{$}}"),
        new Case("variable with fields", "{{$.I}}", "{{$.I}}"),
        new Case("declaration", "{{$x := 1}}{{$x}}", "{{$x := 1}}{{$x}}"),
        new Case("assignment", "{{$x := 1}}{{$x = 2}}", "{{$x := 1}}{{$x = 2}}"),
        new Case("pipeline", "{{.X|printf \"%d\" | quote}}", "{{.X | printf \"%d\" | quote}}"),
        new Case("parenthesized", "{{(printf \"a\").X}}", "{{(printf \"a\").X}}"),
        new Case("nested parens", "{{printf (list (upper 1))}}", "{{printf (list (upper 1))}}"),
        new Case("if", "{{if .X}}hello{{end}}", "{{if .X}}hello{{end}}"),
        new Case("if else", "{{if .X}}true{{else}}false{{end}}", "{{if .X}}true{{else}}false{{end}}"),
        new Case("else if", "{{if .X}}a{{else if .Y}}b{{else}}c{{end}}",
            "{{if .X}}a{{else}}{{if .Y}}b{{else}}c{{end}}{{end}}"),
        new Case("else with", "{{with .X}}a{{else with .Y}}b{{end}}", "{{with .X}}a{{else}}{{with .Y}}b{{end}}{{end}}"),
        new Case("range two vars", "{{range $k, $v := .X}}{{$k}}{{end}}", "{{range $k, $v := .X}}{{$k}}{{end}}"),
        new Case("range break continue", "{{range .X}}{{break}}{{continue}}{{end}}",
            "{{range .X}}{{break}}{{continue}}{{end}}"),
        new Case("template", "{{template `x` .Y}}", "{{template \"x\" .Y}}"),
        new Case("numbers keep their spelling", "{{1 0x1F 1e3 'a' 1i}}", "{{1 0x1F 1e3 'a' 1i}}"),
        new Case("comment dropped", "a{{/* c */}}b", "ab"),
        new Case("trim", "a {{- 1 -}} b", "a{{1}}b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trees")
  void printsBack(Case c) {
    Map<String, Tree> trees = Parser.parse("t", c.input(), FUNCTIONS);
    assertThat(trees.get("t").root().toString()).isEqualTo(c.expected());
  }

  static Stream<Case> errors() {
    return Stream.of(
        new Case("missing value", "{{}}", "template: t:1: missing value for command"),
        new Case("unclosed action", "hello{{range", "template: t:1: unclosed action"),
        new Case("unmatched end", "{{end}}", "template: t:1: unexpected {{end}}"),
        new Case("unmatched else", "{{else}}", "template: t:1: unexpected {{else}}"),
        new Case("missing end", "hello{{range .x}}", "template: t:1: unexpected EOF"),
        new Case("double else", "{{if .X}}1{{else}}2{{else}}3{{end}}", "template: t:1: expected end; found {{else}}"),
        new Case("else with inside if", "{{if .X}}1{{else with .Y}}2{{end}}", "template: t:1: unexpected <with> in input"),
        new Case("undefined function", "{{nope 1}}", "template: t:1: function \"nope\" not defined"),
        new Case("undefined variable", "{{$x}}", "template: t:1: undefined variable \"$x\""),
        new Case("variable out of scope", "{{with $x := 4}}{{end}}{{$x}}", "template: t:1: undefined variable \"$x\""),
        new Case("variable not seen by define", "{{$x := 1}}{{define \"a\"}}{{$x}}{{end}}",
            "template: t:1: undefined variable \"$x\""),
        new Case("too many declarations", "{{$a, $b := 1}}", "template: t:1: too many declarations in command"),
        new Case("range three variables", "{{range $a, $b, $c := 1}}{{end}}", "template: t:1: too many declarations in range"),
        new Case("range bad second variable", "{{range $a, 1}}{{end}}", "template: t:1: range can only initialize variables"),
        new Case("break outside range", "{{break}}", "template: t:1: {{break}} outside {{range}}"),
        new Case("continue outside range", "{{continue}}", "template: t:1: {{continue}} outside {{range}}"),
        new Case("break with argument", "{{range .}}{{break 1}}{{end}}", "template: t:1: unexpected \"1\" in {{break}}"),
        new Case("define not at top level", "{{if .X}}{{define \"a\"}}a{{end}}{{end}}",
            "template: t:1: unexpected <define> in command"),
        new Case("multiple definition", "{{define \"a\"}}1{{end}}{{define \"a\"}}2{{end}}",
            "template: t:1: template: multiple definition of template \"a\""),
        new Case("pipe after template name", "{{template \"a\" | upper}}", "template: t:1: unexpected \"|\" in template clause"),
        new Case("template without name", "{{template .X}}", "template: t:1: unexpected \".X\" in template clause"),
        new Case("non executable stage", "{{1 | 2}}", "template: t:1: non executable command in pipeline stage 2"),
        new Case("field on literal", "{{\"x\".Y}}", "template: t:1: unexpected . after term \"\\\"x\\\"\""),
        new Case("bad character", "{{/ x}}", "template: t:1: unexpected \"/\" in command"),
        new Case("minus alone", "{{3 - }}", "template: t:1: illegal number syntax: \"-\""),
        new Case("integer overflow", "{{99999999999999999999}}", "template: t:1: integer overflow: \"99999999999999999999\""),
        new Case("bad escape", "{{\"\\q\"}}", "template: t:1: invalid syntax"),
        new Case("malformed char", "{{'ab'}}", "template: t:1: malformed character constant: 'ab'"),
        new Case("line of error", "a\nb\n{{end}}", "template: t:3: unexpected {{end}}"),
        new Case("action spanning lines", "{{1 \n\n \"x}}", "template: t:3: unterminated quoted string in action started at t:1"),
        new Case("unclosed comment", "{{/* x", "template: t:1: unclosed comment"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void reportsGoErrors(Case c) {
    assertThatThrownBy(() -> Parser.parse("t", c.input(), FUNCTIONS))
        .isInstanceOf(ParseException.class)
        .hasMessage(c.expected());
  }
}
