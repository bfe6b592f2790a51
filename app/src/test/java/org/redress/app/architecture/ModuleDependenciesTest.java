package org.redress.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The borders at the Maven level: a dependency that would let a module cross a border fails the build before
 * any class crosses it. Reads each module's own pom.xml (declared dependencies, not the resolved tree, so the
 * message names the line to remove).
 */
class ModuleDependenciesTest {

    /** A declared dependency of a module. */
    record Dependency(String module, String groupId, String artifactId, String scope, String type) {
        boolean isTest() {
            return "test".equals(scope);
        }

        boolean isRedress() {
            return "org.redress".equals(groupId);
        }

        @Override
        public String toString() {
            return module + " -> " + groupId + ":" + artifactId + (type == null ? "" : ":" + type)
                    + (scope == null ? "" : " (" + scope + ")");
        }
    }

    static Path root;
    static List<String> modules;

    @BeforeAll
    static void findRoot() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("app").resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above " + Path.of("").toAbsolutePath()).isNotNull();
        root = dir;
        modules = texts(parse(root.resolve("pom.xml")).getDocumentElement(), "modules", "module");
    }

    /** The artifactId a module's own pom declares. */
    static String artifactOf(String module) throws Exception {
        return text(parse(root.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId");
    }

    /**
     * The channel modules: those whose artifact is {@code redress-channel-…}, whether the folder is {@code channel-fax}
     * or, as the archetype names it, {@code redress-channel-fax}; the archetype itself holds templates, not a channel.
     */
    static List<String> channels() throws Exception {
        List<String> channels = new ArrayList<>();
        for (String m : modules) {
            Element project = parse(root.resolve(m).resolve("pom.xml")).getDocumentElement();
            if (text(project, "artifactId").startsWith("redress-channel-") && !"maven-archetype".equals(text(project, "packaging"))) {
                channels.add(m);
            }
        }
        return channels;
    }

    static List<Dependency> dependencies(String module) throws Exception {
        Element project = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
        List<Dependency> deps = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element d : children(dependencies, "dependency")) {
                deps.add(new Dependency(module, text(d, "groupId"), text(d, "artifactId"), text(d, "scope"),
                        text(d, "type")));
            }
        }
        return deps;
    }

    @Test
    void the_build_has_core_app_and_channel_modules_only() {
        assertThat(modules).contains("core", "app").allSatisfy(m ->
                assertThat(m).matches("core|app|archetype|(redress-)?channel-[a-z0-9-]+"));
    }

    @Test
    void core_has_no_runtime_dependency_but_slf4j_api() throws Exception {
        List<Dependency> runtime = dependencies("core").stream().filter(d -> !d.isTest())
                .filter(d -> !(d.groupId().equals("org.slf4j") && d.artifactId().equals("slf4j-api")))
                .toList();
        assertThat(runtime).as("core's dependencies outside test scope").isEmpty();
    }

    @Test
    void a_channel_depends_on_core_alone_among_our_modules() throws Exception {
        assertThat(channels()).as("channel modules").contains("channel-email", "channel-social", "channel-phone-log");
        for (String channel : channels()) {
            List<Dependency> ours = dependencies(channel).stream().filter(Dependency::isRedress)
                    .filter(d -> !d.artifactId().equals("redress-core"))
                    .toList();
            assertThat(ours).as("dependencies of " + channel + " on other Redress modules").isEmpty();
            assertThat(dependencies(channel)).as(channel + " depends on core")
                    .anySatisfy(d -> assertThat(d.artifactId()).isEqualTo("redress-core"));
        }
    }

    @Test
    void nothing_depends_on_app() throws Exception {
        for (String module : modules) {
            assertThat(dependencies(module)).as("dependencies of " + module)
                    .noneSatisfy(d -> assertThat(d.artifactId()).isEqualTo("redress-app"));
        }
    }

    @Test
    void app_holds_every_channel_in_runtime_scope_only() throws Exception {
        List<Dependency> app = dependencies("app");
        for (String channel : channels()) {
            String artifact = artifactOf(channel);
            List<Dependency> onChannel = app.stream().filter(d -> d.artifactId().equals(artifact)).toList();
            assertThat(onChannel).as("app's dependency on " + artifact + " (a channel not in app is not in the jar)")
                    .singleElement()
                    .satisfies(d -> assertThat(d.scope()).as(d.toString()).isEqualTo("runtime"));
        }
    }

    // ---- a little DOM ---------------------------------------------------------------------------------

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().strip()).findFirst().orElse(null);
    }

    private static List<String> texts(Element parent, String container, String name) {
        return children(parent, container).stream().flatMap(c -> children(c, name).stream())
                .map(e -> e.getTextContent().strip()).collect(Collectors.toList());
    }
}
