package dev.softwarefactory.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JavaScript mutator: which mutants it finds in promised functions, and the runner that tries them. */
class JsMutantsTest {
    private static List<String> described(String code, String... signatures) {
        return JsMutants.of("calc.js", code, List.of(signatures)).stream()
                .map(m -> m.line() + " " + m.function() + ": " + m.description()).toList();
    }

    @Test
    void aFunctionDeclarationsOperatorIsSwapped() {
        assertEquals(List.of("2 add: `+` became `-` in `return a + b;`"),
                described("function add(a, b) {\n  return a + b;\n}\n\nmodule.exports = { add };\n",
                        "function add(a, b) -> number"));
    }

    @Test
    void comparisonsAreFlippedAndNumbersAndBooleansChanged() {
        assertEquals(List.of("2 isAdult: `>=` became `<` in `if (age >= 18.5) return true;`",
                "2 isAdult: `18.5` became `19.5` in `if (age >= 18.5) return true;`",
                "2 isAdult: `true` became `false` in `if (age >= 18.5) return true;`",
                "3 isAdult: `===` became `!==` in `return age === 0 && false;`",
                "3 isAdult: `0` became `1` in `return age === 0 && false;`",
                "3 isAdult: `&&` became `||` in `return age === 0 && false;`",
                "3 isAdult: `false` became `true` in `return age === 0 && false;`"),
                described("export function isAdult(age) {\n  if (age >= 18.5) return true;\n  return age === 0 && false;\n}\n",
                        "isAdult(age: number) -> boolean"));
    }

    @Test
    void statementsAreDroppedButNotDeclarationsReturnsOrForClauses() {
        assertEquals(List.of("2 tally: `0` became `1` in `let count = 0;`", "3 tally: `log.push(x);` dropped",
                "4 tally: `0` became `1` in `for (let i = 0; i < n; i++) {`",
                "4 tally: `<` became `>=` in `for (let i = 0; i < n; i++) {`",
                "5 tally: `count += i;` dropped", "5 tally: `+=` became `-=` in `count += i;`"),
                described("function tally(log, x, n) {\n  let count = 0;\n  log.push(x);\n  for (let i = 0; i < n; i++) {\n"
                        + "    count += i;\n  }\n  return count;\n}\n", "function tally(log, x, n)"));
    }

    @Test
    void textCommentsTemplatesAndRegularExpressionsAreLeftAlone() {
        assertEquals(List.of(), described("function greet(name) { // a > b\n  return 'a > b' + name + `${name - 1}`"
                + " + /a+b/.source;\n}\n", "function greet(name)"));
    }

    @Test
    void onlyPromisedFunctionsAreMutatedAndCallsAreNotDefinitions() {
        String line = "`const total = (items) => items.length * price(items[0]), other = 1;`";
        assertEquals(List.of("4 total: `*` became `/` in " + line, "4 total: `0` became `1` in " + line),
                described("function price(item) {\n  return item.cents - 1;\n}\nconst total = (items) => items.length * price(items[0]),"
                        + " other = 1;\nprice(3);\n", "total(items)"));
    }

    @Test
    void everyMethodOfAPromisedClassAndExportedFunctionExpressionsAreMutated() {
        assertEquals(List.of("3 Cart.add: `this.items.push(item);` dropped",
                "6 Cart.total: `*` became `/` in `return this.items.length * 2;`",
                "6 Cart.total: `2` became `3` in `return this.items.length * 2;`",
                "10 mul: `*` became `/` in `return a * b;`"),
                described("class Cart {\n  add(item) {\n    this.items.push(item);\n  }\n  total() {\n"
                        + "    return this.items.length * 2;\n  }\n}\nexports.mul = function (a, b) {\n  return a * b;\n};\n",
                        "class Cart", "mul(a, b) -> number"));
    }

    @Test
    void eachMutantIsOneEditOfTheOriginalText() {
        String code = "function add(a, b) {\r\n  const sum = a + b;\r\n  return sum - 0;\r\n}\r\n";
        for (JsMutants.Mutant mutant : JsMutants.of("calc.js", code, List.of("add(a, b)"))) {
            assertEquals(mutant.original(), code.substring(mutant.start(), mutant.start() + mutant.original().length()));
        }
        assertEquals(3, JsMutants.of("calc.js", code, List.of("add(a, b)")).size());
    }

    @Test
    void overTheBudgetTheSeedChoosesTheSameMutantsInSourceOrder() {
        List<JsMutants.Mutant> points = JsMutants.of("calc.js", "function f(a) {\n  return a + 1 + 2 + 3 + 4 + 5;\n}\n",
                List.of("f(a)"));
        MutationCheck.Settings three = new MutationCheck.Settings(true, 3, 0.5, 7, 2);

        List<JsMutants.Mutant> chosen = NodeMutation.chosen(points, three);

        assertEquals(10, points.size());
        assertEquals(3, chosen.size());
        assertEquals(chosen, NodeMutation.chosen(points, three));
        assertTrue(chosen.get(0).start() < chosen.get(1).start() && chosen.get(1).start() < chosen.get(2).start());
    }

    @Test
    void theRunnerKillsWhatTheTestsCatchAndNamesWhatSurvives(@TempDir Path dir) {
        String calc = "function add(a, b) {\n  return a + b;\n}\n\nfunction isNegative(n) {\n  return n < 0;\n}\n\n"
                + "module.exports = { add, isNegative };\n";
        LocalCommand.write(dir, Map.of("package.json", "{\"name\": \"calc\", \"scripts\": {\"test\": \"node --test\"}}\n",
                "calc.js", calc, "calc.test.js", "const test = require('node:test');\nconst assert = require('node:assert');\n"
                        + "const { add, isNegative } = require('./calc');\n\ntest('adds', () => {\n"
                        + "  assert.strictEqual(add(2, 3), 5);\n  assert.ok(typeof isNegative(1) === 'boolean');\n});\n"));
        Design design = Design.parse(Answers.withJson("{\"language\": \"javascript\", \"language_version\": \"20\","
                + " \"files\": [\"package.json\", \"calc.js\"], \"test_files\": [\"calc.test.js\"], \"interfaces\":"
                + " {\"calc.js\": [\"function add(a, b) -> number\", \"function isNegative(n) -> boolean\"]},"
                + " \"dependencies\": [], \"build_command\": [], \"test_command\": [\"npm\", \"test\"]}"));

        LocalCommand run = LocalCommand.run(dir, NodeMutation.command(design, Map.of("calc.js", calc),
                new MutationCheck.Settings(true, 15, 0.5, 1, 2), Duration.ofMinutes(1)).orElseThrow());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("killed: calc.js:2 in add(): `+` became `-` in `return a + b;`\n"), run.output());
        assertTrue(run.output().contains("survived: calc.js:6 in isNegative(): `<` became `>=` in `return n < 0;`\n"),
                run.output());
        assertTrue(run.output().contains("mutation score: 1/3 killed (3 mutation points, "), run.output());
    }
}
