package io.ocihelm.template.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.template.parse.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven like Go's lex_test.go: input → item types and texts (errors at the end). */
class LexerTest {
  record Case(String name, String input, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("empty", "", "EOF"),
        new Case("text", "now is the time", "TEXT(now is the time) EOF"),
        new Case("text with comment", "hello-{{/* this is a comment */}}-world",
            "TEXT(hello-) TEXT(-world) EOF"),
        new Case("punctuation", "{{,@% }}",
            "LEFT_DELIM({{) CHAR(,) CHAR(@) CHAR(%) SPACE( ) RIGHT_DELIM(}}) EOF"),
        new Case("parens", "{{((3))}}",
            "LEFT_DELIM({{) LEFT_PAREN(() LEFT_PAREN(() NUMBER(3) RIGHT_PAREN()) RIGHT_PAREN()) RIGHT_DELIM(}}) EOF"),
        new Case("empty action", "{{}}", "LEFT_DELIM({{) RIGHT_DELIM(}}) EOF"),
        new Case("for", "{{for}}", "LEFT_DELIM({{) IDENTIFIER(for) RIGHT_DELIM(}}) EOF"),
        new Case("quote", "{{\"abc \\n\\t\\\" \"}}", "LEFT_DELIM({{) STRING(\"abc \\n\\t\\\" \") RIGHT_DELIM(}}) EOF"),
        new Case("raw quote with newline", "{{`now is{{\n}}the time`}}",
            "LEFT_DELIM({{) RAW_STRING(`now is{{\n}}the time`) RIGHT_DELIM(}}) EOF"),
        new Case("numbers", "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1P-5 0b101 0o17}}",
            "LEFT_DELIM({{) NUMBER(1) SPACE( ) NUMBER(02) SPACE( ) NUMBER(0x14) SPACE( ) NUMBER(0X14) SPACE( ) "
                + "NUMBER(-7.2i) SPACE( ) NUMBER(1e3) SPACE( ) NUMBER(1E3) SPACE( ) NUMBER(+1.2e-4) SPACE( ) "
                + "NUMBER(4.2i) SPACE( ) COMPLEX(1+2i) SPACE( ) NUMBER(1_2) SPACE( ) NUMBER(0x1.e_fp4) SPACE( ) "
                + "NUMBER(0X1P-5) SPACE( ) NUMBER(0b101) SPACE( ) NUMBER(0o17) RIGHT_DELIM(}}) EOF"),
        new Case("characters", "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
            "LEFT_DELIM({{) CHAR_CONSTANT('a') SPACE( ) CHAR_CONSTANT('\\n') SPACE( ) CHAR_CONSTANT('\\'') SPACE( ) "
                + "CHAR_CONSTANT('\\\\') SPACE( ) CHAR_CONSTANT('\\u00FF') SPACE( ) CHAR_CONSTANT('\\xFF') SPACE( ) "
                + "CHAR_CONSTANT('本') RIGHT_DELIM(}}) EOF"),
        new Case("bools", "{{true false}}", "LEFT_DELIM({{) BOOL(true) SPACE( ) BOOL(false) RIGHT_DELIM(}}) EOF"),
        new Case("dot", "{{.}}", "LEFT_DELIM({{) DOT(.) RIGHT_DELIM(}}) EOF"),
        new Case("nil", "{{nil}}", "LEFT_DELIM({{) NIL(nil) RIGHT_DELIM(}}) EOF"),
        new Case("dots", "{{.x . .2 .x.y.z}}",
            "LEFT_DELIM({{) FIELD(.x) SPACE( ) DOT(.) SPACE( ) NUMBER(.2) SPACE( ) FIELD(.x) FIELD(.y) FIELD(.z) RIGHT_DELIM(}}) EOF"),
        new Case("keywords", "{{range if else end with}}",
            "LEFT_DELIM({{) RANGE(range) SPACE( ) IF(if) SPACE( ) ELSE(else) SPACE( ) END(end) SPACE( ) WITH(with) RIGHT_DELIM(}}) EOF"),
        new Case("variables", "{{$c := printf $ $hello $23 $ $var.Field .Method}}",
            "LEFT_DELIM({{) VARIABLE($c) SPACE( ) DECLARE(:=) SPACE( ) IDENTIFIER(printf) SPACE( ) VARIABLE($) SPACE( ) "
                + "VARIABLE($hello) SPACE( ) VARIABLE($23) SPACE( ) VARIABLE($) SPACE( ) VARIABLE($var) FIELD(.Field) "
                + "SPACE( ) FIELD(.Method) RIGHT_DELIM(}}) EOF"),
        new Case("pipeline", "intro {{echo hi 1.2 |noargs|args 1 \"hi\"}} outro",
            "TEXT(intro ) LEFT_DELIM({{) IDENTIFIER(echo) SPACE( ) IDENTIFIER(hi) SPACE( ) NUMBER(1.2) SPACE( ) PIPE(|) "
                + "IDENTIFIER(noargs) PIPE(|) IDENTIFIER(args) SPACE( ) NUMBER(1) SPACE( ) STRING(\"hi\") RIGHT_DELIM(}}) "
                + "TEXT( outro) EOF"),
        new Case("trim markers", "hello- {{- 3 -}} -world",
            "TEXT(hello-) LEFT_DELIM({{) NUMBER(3) RIGHT_DELIM(}}) TEXT(-world) EOF"),
        new Case("trim marker on comment", "hello- {{- /* hello */ -}} -world", "TEXT(hello-) TEXT(-world) EOF"),
        new Case("minus without space is a number", "{{-3}}", "LEFT_DELIM({{) NUMBER(-3) RIGHT_DELIM(}}) EOF"),
        new Case("break and continue", "{{range .}}{{break}}{{continue}}{{end}}",
            "LEFT_DELIM({{) RANGE(range) SPACE( ) DOT(.) RIGHT_DELIM(}}) LEFT_DELIM({{) BREAK(break) RIGHT_DELIM(}}) "
                + "LEFT_DELIM({{) CONTINUE(continue) RIGHT_DELIM(}}) LEFT_DELIM({{) END(end) RIGHT_DELIM(}}) EOF"),
        // errors
        new Case("unclosed action", "{{", "LEFT_DELIM({{) ERROR(unclosed action)"),
        new Case("unclosed action at eof", "{{range", "LEFT_DELIM({{) RANGE(range) ERROR(unclosed action)"),
        new Case("unclosed quote", "{{\"\n\"}}", "LEFT_DELIM({{) ERROR(unterminated quoted string)"),
        new Case("unclosed raw quote", "{{`xx}}", "LEFT_DELIM({{) ERROR(unterminated raw quoted string)"),
        new Case("unclosed char constant", "{{'\n}}", "LEFT_DELIM({{) ERROR(unterminated character constant)"),
        new Case("bad number", "{{3k}}", "LEFT_DELIM({{) ERROR(bad number syntax: \"3k\")"),
        new Case("unclosed paren", "{{(3}}", "LEFT_DELIM({{) LEFT_PAREN(() NUMBER(3) ERROR(unclosed left paren)"),
        new Case("extra right paren", "{{3)}}", "LEFT_DELIM({{) NUMBER(3) ERROR(unexpected right paren)"),
        new Case("unclosed comment", "{{/* x", "ERROR(unclosed comment)"),
        new Case("comment text after close", "{{/* x */ 3}}", "ERROR(comment ends before closing delimiter)"),
        new Case("unrecognized character", "{{\u0001}}",
            "LEFT_DELIM({{) ERROR(unrecognized character in action: U+0001)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lexes(Case c) {
    Lexer lexer = new Lexer(c.input());
    lexer.breakOk = true;
    lexer.continueOk = true;
    List<String> items = new ArrayList<>();
    while (true) {
      Token t = lexer.nextItem();
      items.add(t.type() == Type.EOF ? "EOF" : t.type() + "(" + t.val() + ")");
      if (t.type() == Type.EOF || t.type() == Type.ERROR) {
        break;
      }
    }
    assertThat(String.join(" ", items)).isEqualTo(c.expected());
  }
}
