package io.ocihelm.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoBuiltins;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.Int64;
import io.ocihelm.template.value.NamedMap;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The language end to end through the public API: every construct and every execution error path,
 * with Helm's error texts. Functions other than Go's builtins are small test doubles named like
 * Helm's (list, dict, fail, include, tpl, ...), so the engine is tested apart from the families.
 */
class TemplateSetTest {
  static final String F = "c/templates/t.yaml";

  static FunctionRegistry registry() {
    FunctionRegistry r = new FunctionRegistry();
    GoBuiltins.register(r);
    r.register("list", FunctionSignature.variadic(GoType.ANY), (ctx, args) -> new ArrayList<>(Arrays.asList(args)));
    r.register("strs", FunctionSignature.variadic(GoType.STRING),
        (ctx, args) -> GoSlice.ofStrings(Arrays.stream(args).map(String.class::cast).toList()));
    r.register("dict", FunctionSignature.variadic(GoType.ANY), (ctx, args) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        m.put((String) args[i], args[i + 1]);
      }
      return m;
    });
    r.register("upper", FunctionSignature.of(GoType.STRING), (ctx, args) -> ((String) args[0]).toUpperCase());
    r.register("repeat", FunctionSignature.of(GoType.INT, GoType.STRING), (ctx, args) -> ((String) args[1]).repeat(((Long) args[0]).intValue()));
    r.register("half", FunctionSignature.of(GoType.FLOAT64), (ctx, args) -> (Double) args[0] / 2);
    r.register("flip", FunctionSignature.of(GoType.BOOL), (ctx, args) -> !(Boolean) args[0]);
    r.register("int64", FunctionSignature.of(GoType.ANY), (ctx, args) -> Int64.of((Long) args[0]));
    r.register("join", FunctionSignature.of(GoType.STRING, GoType.LIST), (ctx, args) -> String.join((String) args[0],
        args[1] == null ? List.of() : ((List<?>) args[1]).stream().map(String::valueOf).toList()));
    r.register("typeOf", FunctionSignature.of(GoType.ANY), (ctx, args) -> io.ocihelm.template.value.GoTypes.typeName(args[0]));
    r.register("add", FunctionSignature.of(GoType.ANY, GoType.ANY), (ctx, args) -> (Long) args[0] + (Long) args[1]);
    r.register("now", FunctionSignature.of(), (ctx, args) -> ZonedDateTime.of(2023, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    r.register("boom", FunctionSignature.of(), (ctx, args) -> {
      throw new FunctionException("kaput");
    });
    r.register("fail", FunctionSignature.of(GoType.STRING), (ctx, args) -> {
      throw new FunctionException(TemplateException.helmWarning((String) args[0]));
    });
    r.register("include", FunctionSignature.of(GoType.STRING, GoType.ANY),
        (ctx, args) -> ctx.executeTemplate((String) args[0], args[1]));
    r.register("tpl", FunctionSignature.of(GoType.STRING, GoType.ANY), (ctx, args) -> {
      try {
        return ctx.parseAndExecute("gotpl", (String) args[0], args[1]);
      } catch (TemplateException e) {
        String prefix = e.kind() == TemplateException.Kind.PARSE ? "cannot parse template " : "error during tpl function execution for ";
        throw new FunctionException(prefix + io.ocihelm.template.parse.GoQuote.quote((String) args[0]) + ": " + e.goMessage(), e);
      }
    });
    return r;
  }

  static NamedMap data() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", "app");
    values.put("n", 3.0);
    values.put("zero", 0.0);
    values.put("list", new ArrayList<>(List.of("a", "b")));
    values.put("m", new LinkedHashMap<>(Map.of("z", 1.0, "a", 2.0)));
    values.put("nested", new LinkedHashMap<>(Map.of("x", new LinkedHashMap<>(Map.of("y", "deep")))));
    values.put("nil", null);
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Values", new NamedMap("common.Values", values));
    return new NamedMap("common.Values", top);
  }

  static String render(String template) {
    TemplateSet set = TemplateSet.create(registry());
    set.parse(F, template);
    return set.execute(F, data());
  }

  record Case(String name, String template, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> outputs() {
    return Stream.of(
        new Case("text", "plain {text}", "plain {text}"),
        new Case("field", "{{ .Values.name }}", "app"),
        new Case("missing key prints no value", "[{{ .Values.nope }}]", "[<no value>]"),
        new Case("missing key in chain", "{{ .Values.nested.x.nope }}", "<no value>"),
        new Case("nil value", "{{ .Values.nil }}", "<no value>"),
        new Case("float from values", "{{ .Values.n }}", "3"),
        new Case("int literal", "{{ 42 }}", "42"),
        new Case("hex octal binary underscores", "{{ 0x1F }} {{ 017 }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }}", "31 15 15 5 1000"),
        new Case("float literals", "{{ 1.0 }} {{ .5 }} {{ 1e3 }} {{ 0x1p4 }}", "1 0.5 1000 16"),
        new Case("char constants", "{{ 'a' }} {{ '\\n' }} {{ 'é' }}", "97 10 233"),
        new Case("complex", "{{ 1i }} {{ 0i }}", "(0+1i) (0+0i)"),
        new Case("strings", "{{ \"a\\tb\" }}|{{ `raw\\n` }}|{{ \"\\u00e9\\x41\" }}", "a\tb|raw\\n|éA"),
        new Case("trim markers", "a  {{- 1 -}}  b\n{{- 2 }}", "a1b2"),
        new Case("comments", "a{{/* c */}}b{{- /* d */ -}} c", "abc"),
        new Case("pipeline final arg", "{{ \"x\" | upper }}", "X"),
        new Case("parenthesized", "{{ (list 1 2) }} {{ (dict \"a\" 1).a }}", "[1 2] 1"),
        new Case("variables and scope", "{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}", "21"),
        new Case("assignment reaches outer scope", "{{ $x := 1 }}{{ range list 1 2 }}{{ $x = . }}{{ end }}{{ $x }}", "2"),
        new Case("dollar is the root", "{{ range list 1 }}{{ $.Values.name }}{{ end }}", "app"),
        new Case("if else if", "{{ if .Values.zero }}a{{ else if .Values.n }}b{{ else }}c{{ end }}", "b"),
        new Case("if declaration", "{{ if $v := .Values.name }}{{ $v }}{{ end }}", "app"),
        new Case("with sets dot", "{{ with .Values.nested.x }}{{ .y }}{{ end }}", "deep"),
        new Case("with else with", "{{ with 0 }}a{{ else with 2 }}{{ . }}{{ end }}", "2"),
        new Case("with else", "{{ with .Values.nope }}a{{ else }}none{{ end }}", "none"),
        new Case("range list", "{{ range .Values.list }}[{{ . }}]{{ end }}", "[a][b]"),
        new Case("range index and value", "{{ range $i, $v := .Values.list }}{{ $i }}={{ $v }};{{ end }}", "0=a;1=b;"),
        new Case("range map sorted", "{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }};{{ end }}", "a=2;z=1;"),
        new Case("range map keys by bytes", "{{ range $k, $v := dict \"b\" 1 \"B\" 2 \"_\" 3 \"a\" 4 }}{{ $k }}{{ end }}", "B_ab"),
        new Case("range int", "{{ range 3 }}{{ . }}{{ end }}", "012"),
        new Case("range int variable", "{{ range $i := 2 }}{{ $i }}{{ end }}", "01"),
        new Case("range else", "{{ range .Values.nope }}x{{ else }}empty{{ end }}", "empty"),
        new Case("range negative int is empty", "{{ range -2 }}x{{ else }}none{{ end }}", "none"),
        new Case("break and continue", "{{ range list 1 2 3 4 }}{{ if eqint . 2 }}{{ continue }}{{ end }}{{ if eqint . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}", "13"),
        new Case("range assigns outer variables", "{{ $i := 0 }}{{ $v := 0 }}{{ range $i, $v = list 7 8 }}{{ end }}{{ $i }}{{ $v }}", "18"),
        new Case("define and template", "{{ define \"a\" }}[{{ . }}]{{ end }}{{ template \"a\" 5 }}", "[5]"),
        new Case("template without data", "{{ define \"a\" }}[{{ . }}]{{ end }}{{ template \"a\" }}", "[<no value>]"),
        new Case("block", "{{ block \"b\" .Values.name }}<{{ . }}>{{ end }}", "<app>"),
        new Case("recursion", "{{ define \"r\" }}{{ if . }}{{ len . }}{{ template \"r\" (slice1 .) }}{{ end }}{{ end }}{{ template \"r\" (list 1 2 3) }}", "321"),
        new Case("and or return operands", "{{ and 1 2 }} {{ and 0 2 }} {{ or 0 \"\" }} {{ or 0 3 }}", "2 0  3"),
        new Case("and short-circuits", "{{ and 0 (boom) }} {{ or 1 (boom) }}", "0 1"),
        new Case("and nil", "{{ and nil 1 }}", "<no value>"),
        new Case("not", "{{ not 0 }} {{ not \"a\" }} {{ not nil }} {{ not (list) }}", "true false true true"),
        new Case("len", "{{ len \"héllo\" }} {{ len .Values.list }} {{ len .Values.m }}", "6 2 2"),
        new Case("index", "{{ index .Values.list 1 }} {{ index .Values.m \"a\" }} {{ index \"abc\" 1 }} {{ index .Values.nested \"x\" \"y\" }}", "b 2 98 deep"),
        new Case("index missing key", "{{ index .Values.m \"q\" }}", "<no value>"),
        new Case("html js urlquery", "{{ html \"<a&'\\\">\" }} {{ js \"<'\\\\=\" }} {{ urlquery \"a b/&\" }}", "&lt;a&amp;&#39;&#34;&gt; \\u003C\\'\\\\\\u003D a+b%2F%26"),
        new Case("escapers join args", "{{ urlquery nil }} {{ html \"a\" 1 2 }}", "%3Cno+value%3E a1 2"),
        new Case("typed args", "{{ repeat 2 \"ab\" }} {{ half 3 }} {{ flip true }}", "abab 1.5 false"),
        new Case("int literal accepted as float", "{{ half 1 }}", "0.5"),
        new Case("integral float literal accepted as int", "{{ repeat 2.0 \"x\" }}", "xx"),
        new Case("nil to list parameter", "[{{ join \",\" nil }}]", "[]"),
        new Case("missing value to any parameter", "{{ typeOf .Values.nope }}", "<nil>"),
        new Case("named map field lookup", "{{ (strmap).a }}|{{ (strmap).zz }}|", "b||"),
        new Case("go slice elements", "{{ range strs \"x\" \"y\" }}{{ . }}{{ end }}", "xy"),
        new Case("time methods", "{{ now.Year }} {{ now.Month }} {{ now.Weekday }} {{ now.YearDay }}", "2023 May Monday 121"),
        new Case("include", "{{ define \"h\" }}H{{ .Values.name }}{{ end }}{{ include \"h\" . | upper }}", "HAPP"),
        new Case("include with nil data", "{{ define \"h\" }}[{{ .x }}{{ . }}]{{ end }}{{ include \"h\" nil }}", "[<no value><no value>]"),
        new Case("include keeps no value", "{{ define \"h\" }}{{ .nope }}{{ end }}{{ len (include \"h\" (dict)) }}", "10"),
        new Case("tpl sees and extends the namespace", "{{ define \"h\" }}H{{ end }}{{ tpl \"{{ define \\\"t\\\" }}T{{ end }}{{ template \\\"h\\\" }}{{ template \\\"t\\\" }}\" . }}", "HT"),
        new Case("no value text survives in Go output", "{{ \"<no value>\" }}", "<no value>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void renders(Case c) {
    FunctionRegistry r = registry();
    r.register("eqint", FunctionSignature.of(GoType.ANY, GoType.ANY), (ctx, args) -> args[0].equals(args[1]));
    r.register("slice1", FunctionSignature.of(GoType.LIST), (ctx, args) -> ((List<?>) args[0]).subList(1, ((List<?>) args[0]).size()));
    r.register("strmap", FunctionSignature.of(), (ctx, args) -> new NamedMap("map[string]string", new LinkedHashMap<>(Map.of("a", "b"))));
    TemplateSet set = TemplateSet.create(r);
    set.parse(F, c.template());
    assertThat(set.execute(F, data())).isEqualTo(c.expected());
  }

  static Stream<Case> errors() {
    String at = F + ":1:";
    return Stream.of(
        new Case("parse error, Helm form", "{{ }}", "parse error at (" + F + ":1): missing value for command"),
        new Case("parse error keeps last part", "{{ 3 - }}", "parse error at (" + F + ":1): \"-\""),
        new Case("nil is not a command", "{{ nil }}", F + ":1:3\n  executing \"" + F + "\" at <nil>:\n    nil is not a command"),
        new Case("overflowing constant", "{{ 18446744073709551615 }}",
            F + ":1:3\n  executing \"" + F + "\" at <18446744073709551615>:\n    18446744073709551615 overflows int"),
        new Case("nil pointer through missing key", "{{ .Values.nope.x }}",
            F + ":1:10\n  executing \"" + F + "\" at <.Values.nope.x>:\n    nil pointer evaluating interface {}.x"),
        new Case("field of a non-map", "{{ .Values.name.x }}",
            F + ":1:10\n  executing \"" + F + "\" at <.Values.name.x>:\n    can't evaluate field x in type interface {}"),
        new Case("field of a concrete value", "{{ $x := \"v\" }}{{ $x.y }}",
            F + ":1:20\n  executing \"" + F + "\" at <$x.y>:\n    can't evaluate field y in type string"),
        new Case("argument to non-function", "{{ 1 2 }}", F + ":1:3\n  executing \"" + F + "\" at <1>:\n    can't give argument to non-function 1"),
        new Case("map field with arguments", "{{ .Values.name 1 }}",
            F + ":1:10\n  executing \"" + F + "\" at <.Values.name>:\n    name is not a method but has arguments"),
        new Case("arity", "{{ upper }}", F + ":1:3\n  executing \"" + F + "\" at <upper>:\n    wrong number of args for upper: want 1 got 0"),
        new Case("variadic arity", "{{ and }}", F + ":1:3\n  executing \"" + F + "\" at <and>:\n    wrong number of args for and: want at least 1 got 0"),
        new Case("constant of wrong type", "{{ upper 5 }}", F + ":1:9\n  executing \"" + F + "\" at <5>:\n    expected string; found 5"),
        new Case("expected integer", "{{ repeat 1.5 \"x\" }}", F + ":1:10\n  executing \"" + F + "\" at <1.5>:\n    expected integer; found 1.5"),
        new Case("expected float", "{{ half \"x\" }}", F + ":1:8\n  executing \"" + F + "\" at <\"x\">:\n    expected float; found \"x\""),
        new Case("expected bool", "{{ flip 1 }}", F + ":1:8\n  executing \"" + F + "\" at <1>:\n    expected bool; found 1"),
        new Case("nil to string", "{{ upper nil }}", F + ":1:9\n  executing \"" + F + "\" at <nil>:\n    cannot assign nil to string"),
        new Case("value of wrong type", "{{ upper .Values.n }}",
            F + ":1:16\n  executing \"" + F + "\" at <.Values.n>:\n    wrong type for value; expected string; got float64"),
        new Case("missing value to string", "{{ upper .Values.nope }}",
            F + ":1:16\n  executing \"" + F + "\" at <.Values.nope>:\n    wrong type for value; expected string; got interface {}"),
        new Case("no value piped to string", "{{ .Values.nope | upper }}",
            F + ":1:18\n  executing \"" + F + "\" at <upper>:\n    invalid value; expected string"),
        new Case("function error stays Go's", "{{ boom }}",
            "template: " + at + "3: executing \"" + F + "\" at <boom>: error calling boom: kaput"),
        new Case("len of missing value", "{{ len .Values.nope }}",
            "template: " + at + "3: executing \"" + F + "\" at <len .Values.nope>: error calling len: len of nil pointer"),
        new Case("len of no value", "{{ .Values.nope | len }}",
            "template: " + at + "18: executing \"" + F + "\" at <len>: error calling len: reflect: call of reflect.Value.Type on zero Value"),
        new Case("len of a number", "{{ len 3 }}",
            "template: " + at + "3: executing \"" + F + "\" at <len 3>: error calling len: len of type int"),
        new Case("index out of range", "{{ index .Values.list 5 }}",
            "template: " + at + "3: executing \"" + F + "\" at <index .Values.list 5>: error calling index: index out of range: 5"),
        new Case("index of nil", "{{ index nil 0 }}",
            "template: " + at + "3: executing \"" + F + "\" at <index nil 0>: error calling index: index of untyped nil"),
        new Case("index through missing key", "{{ index .Values.m \"q\" \"r\" }}",
            "template: " + at + "3: executing \"" + F + "\" at <index .Values.m \"q\" \"r\">: error calling index: index of nil pointer"),
        new Case("index map with int", "{{ index .Values.m 1 }}",
            "template: " + at + "3: executing \"" + F + "\" at <index .Values.m 1>: error calling index: value has type int; should be string"),
        new Case("index list with string", "{{ index .Values.list \"1\" }}",
            "template: " + at + "3: executing \"" + F + "\" at <index .Values.list \"1\">: error calling index: cannot index slice/array with type string"),
        new Case("index a number", "{{ index 5 0 }}",
            "template: " + at + "3: executing \"" + F + "\" at <index 5 0>: error calling index: can't index item of type int"),
        new Case("call a non-function", "{{ call 1 }}",
            "template: " + at + "3: executing \"" + F + "\" at <call 1>: error calling call: non-function 1 of type int"),
        new Case("call nil", "{{ call nil }}",
            "template: " + at + "3: executing \"" + F + "\" at <call nil>: error calling call: call of nil"),
        new Case("range over a float", "{{ range 1.5 }}{{ end }}",
            F + ":1:9\n  executing \"" + F + "\" at <1.5>:\n    range can't iterate over 1.5"),
        new Case("range int with two variables", "{{ range $i, $v := 3 }}{{ end }}",
            F + ":1:19\n  executing \"" + F + "\" at <3>:\n    can't use 3 to iterate over more than one variable"),
        new Case("undefined template", "{{ template \"nope\" }}",
            F + ":1:12\n  executing \"" + F + "\" at <{{template \"nope\"}}>:\n    template \"nope\" not defined"),
        new Case("fail, Helm form", "line\n{{ if true }}{{ fail \"bad\" }}{{ end }}", "execution error at (" + F + ":2:16): bad"),
        new Case("fail inside include", "{{ define \"f\" }}{{ fail \"deep\" }}{{ end }}{{ include \"f\" . }}",
            "execution error at (" + F + ":1:45): deep"),
        new Case("error inside include: trace form",
            "{{ define \"h.err\" }}{{ .x.y }}{{ end }}{{ include \"h.err\" (dict) }}",
            F + ":1:42\n  executing \"" + F + "\" at <include \"h.err\" (dict)>:\n    error calling include:\n"
                + F + ":1:25\n  executing \"h.err\" at <.x.y>:\n    nil pointer evaluating interface {}.y"),
        new Case("include of unknown template",
            "{{ include \"none\" . }}",
            F + ":1:3\n  executing \"" + F + "\" at <include \"none\" .>:\n    error calling include:\n"
                + "template: no template \"none\" associated with template \"gotpl\""),
        new Case("tpl parse error stays Go's", "{{ tpl \"{{\" . }}",
            "template: " + at + "3: executing \"" + F + "\" at <tpl \"{{\" .>: error calling tpl: cannot parse template \"{{\": template: gotpl:1: unclosed action"),
        new Case("tpl execution error stays Go's", "{{ tpl \"{{ .a.b }}\" (dict) }}",
            "template: " + at + "3: executing \"" + F + "\" at <tpl \"{{ .a.b }}\" (dict)>: error calling tpl: error during tpl function execution for \"{{ .a.b }}\": template: gotpl:1:5: executing \"gotpl\" at <.a.b>: nil pointer evaluating interface {}.b"),
        new Case("column counts bytes", "é{{ nil }}", F + ":1:5\n  executing \"" + F + "\" at <nil>:\n    nil is not a command"),
        new Case("line and column", "a\nbc{{ nil }}", F + ":2:5\n  executing \"" + F + "\" at <nil>:\n    nil is not a command"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsLikeHelm(Case c) {
    assertThatThrownBy(() -> render(c.template()))
        .isInstanceOf(TemplateException.class)
        .hasMessage(c.expected());
  }

  @Test
  void filesShareDefinitionsAndTheLastParsedWins() {
    TemplateSet set = TemplateSet.create(registry());
    set.parse("c/templates/_b.tpl", "{{ define \"x\" }}B{{ end }}");
    set.parse("c/templates/_a.tpl", "{{ define \"x\" }}A{{ end }}{{ define \"y\" }}Y{{ end }}");
    set.parse("c/templates/_c.tpl", "{{ define \"y\" }}  {{ end }}"); // empty body never replaces
    set.parse(F, "{{ template \"x\" }}{{ template \"y\" }}");
    assertThat(set.execute(F, data())).isEqualTo("AY");
    assertThat(set.names()).contains("x", "y", F);
  }

  @Test
  void unknownTemplateNameIsHelmsPlainError() {
    TemplateSet set = TemplateSet.create(registry());
    assertThatThrownBy(() -> set.execute("nope", data()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: no template \"nope\" associated with template \"gotpl\"");
  }

  @Test
  void oneParsedSetExecutesConcurrently() throws Exception {
    TemplateSet set = TemplateSet.create(registry());
    set.parse(F, "{{ range $i := . }}{{ $i }},{{ end }}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        long n = i % 7;
        results.add(pool.submit(() -> set.execute(F, n)));
      }
      for (int i = 0; i < results.size(); i++) {
        StringBuilder expected = new StringBuilder();
        for (int k = 0; k < i % 7; k++) {
          expected.append(k).append(',');
        }
        assertThat(results.get(i).get()).isEqualTo(expected.toString());
      }
    } finally {
      pool.shutdown();
    }
  }

  // ---- safety limits ----

  @Test
  void endlessTemplateRecursionHitsTheDepthLimit() {
    TemplateSet set = TemplateSet.create(registry(), new Limits(50, 1_000_000, 10_000_000, Duration.ofSeconds(10)));
    set.parse(F, "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}");
    assertThatThrownBy(() -> set.execute(F, data()))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("exceeded maximum template depth (50)");
  }

  @Test
  void endlessIncludeRecursionHitsTheDepthLimit() {
    TemplateSet set = TemplateSet.create(registry(), new Limits(40, 1_000_000, 10_000_000, Duration.ofSeconds(10)));
    set.parse(F, "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}");
    assertThatThrownBy(() -> set.execute(F, data()))
        .isInstanceOf(TemplateException.class)
        .satisfies(e -> assertThat(((TemplateException) e).kind()).isEqualTo(TemplateException.Kind.LIMIT))
        .hasMessageContaining("exceeded maximum template depth (40)");
  }

  @Test
  void endlessRecursionWithDefaultLimitsFailsCleanly() {
    TemplateSet set = TemplateSet.create(registry());
    set.parse(F, "{{ define \"r\" }}{{ include \"r\" . }}{{ template \"r\" . }}{{ end }}{{ include \"r\" . }}");
    assertThatThrownBy(() -> set.execute(F, data()))
        .isInstanceOf(TemplateException.class)
        .satisfies(e -> assertThat(((TemplateException) e).kind()).isEqualTo(TemplateException.Kind.LIMIT));
  }

  @Test
  void hugeOutputHitsTheOutputLimit() {
    TemplateSet set = TemplateSet.create(registry(), new Limits(50, 10_000, 100_000_000, Duration.ofSeconds(10)));
    set.parse(F, "{{ range 100000 }}xxxxxxxxxx{{ end }}");
    assertThatThrownBy(() -> set.execute(F, data()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: " + F + ": output exceeds the limit of 10000 characters");
  }

  @Test
  void longLoopsHitTheStepBudget() {
    TemplateSet set = TemplateSet.create(registry(), new Limits(50, 1_000_000_000L, 10_000, Duration.ofSeconds(10)));
    set.parse(F, "{{ range 1000000 }}{{ end }}");
    assertThatThrownBy(() -> set.execute(F, data()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: " + F + ": exceeded the evaluation budget of 10000 steps");
  }

  @Test
  void slowRendersHitTheTimeBudget() {
    TemplateSet set = TemplateSet.create(registry(), new Limits(50, 1_000_000_000L, Long.MAX_VALUE, Duration.ofMillis(50)));
    set.parse(F, "{{ range 1000000000 }}{{ range 1000 }}{{ end }}{{ end }}");
    assertThatThrownBy(() -> set.execute(F, data()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: " + F + ": execution exceeded the time limit of 50ms");
  }
}
