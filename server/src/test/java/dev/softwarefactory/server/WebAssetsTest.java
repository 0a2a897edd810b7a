package dev.softwarefactory.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page loads nothing from outside the node: every script, style and module it names is served. */
class WebAssetsTest {
    private static final Pattern URL = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"|\"(/webjars/[^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("^import .* from '(\\./[^']+)';$", Pattern.MULTILINE);
    private static final List<String> MODULES = List.of("app.js", "api.js", "runs.js", "newrun.js", "model.js", "run.js",
            "steps.js", "lanes.js", "timeline.js", "detail.js", "code.js", "files.js", "diff.js", "documents.js",
            "tests.js", "cost.js", "actions.js", "travel.js", "gateway.js", "format.js");

    @Test
    void everyAddressThePageNamesIsAResourceOfTheNode() throws IOException {
        String shell = read(WebRoutes.SHELL);
        List<String> addresses = new ArrayList<>();
        Matcher url = URL.matcher(shell);
        while (url.find()) {
            addresses.add(url.group(1) != null ? url.group(1) : url.group(2));
        }
        assertFalse(addresses.isEmpty());
        for (String address : addresses) {
            assertNotNull(resource(address), address + " is named by the page but not served");
        }
    }

    @Test
    void thePageLoadsNothingFromAnotherHost() throws IOException {
        Matcher attribute = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(read(WebRoutes.SHELL));
        while (attribute.find()) {
            String value = attribute.group(1);
            assertEquals(true, value.startsWith("/") || value.startsWith("#"), value + " is not on this node");
        }
        Pattern bare = Pattern.compile("^import .* from '([^./][^']*)';$", Pattern.MULTILINE);
        String shell = read(WebRoutes.SHELL);
        for (String module : MODULES) {
            Matcher imported = bare.matcher(read("web/js/" + module));
            while (imported.find()) {
                assertEquals(true, shell.contains("\"" + imported.group(1) + "\": \"/webjars/"),
                        module + " imports " + imported.group(1) + ", which the import map does not serve");
            }
        }
    }

    @Test
    void everyModuleTheScriptsImportExists() throws IOException {
        for (String module : MODULES) {
            Matcher imported = IMPORT.matcher(read("web/js/" + module));
            while (imported.find()) {
                String target = "web/js/" + imported.group(1).substring(2);
                assertNotNull(getClass().getClassLoader().getResource(target), module + " imports " + target);
                assertEquals(true, MODULES.contains(imported.group(1).substring(2)), target + " is listed here");
            }
        }
    }

    private static String resource(String address) {
        String path = address.startsWith("/assets/") ? "web/" + address.substring("/assets/".length())
                : "META-INF/resources" + address;
        return WebAssetsTest.class.getClassLoader().getResource(path) == null ? null : path;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = WebAssetsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
