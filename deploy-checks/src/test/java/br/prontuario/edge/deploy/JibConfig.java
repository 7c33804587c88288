package br.prontuario.edge.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * jib-maven-plugin's configuration for one module: the root pom's pluginManagement (base image,
 * user, JVM flags) merged with the module's own plugin entry (main class, ports), properties
 * resolved from the root pom.
 */
record JibConfig(String baseImage, String user, List<String> jvmFlags, String mainClass,
    List<Integer> ports, String targetRepository, boolean boundToTheBuild) {

  private static final String JIB = "jib-maven-plugin";

  static JibConfig of(Path root, String module) {
    Document parent = parse(root.resolve("pom.xml"));
    Element managed = plugin(parent, "pluginManagement");
    Element own = plugin(parse(root.resolve(module).resolve("pom.xml")), "plugins");
    if (managed == null || own == null) {
      throw new AssertionError(module + ": jib-maven-plugin must be managed in the root pom and"
          + " declared in the module");
    }
    String to = resolve(parent, text(managed, "to", "image"));
    return new JibConfig(resolve(parent, text(managed, "from", "image")),
        text(managed, "container", "user"), texts(managed, "jvmFlag"),
        text(own, "container", "mainClass"),
        texts(own, "port").stream().map(Integer::valueOf).toList(),
        to.substring(0, to.lastIndexOf('/')),
        own.getElementsByTagName("executions").getLength() > 0
            || managed.getElementsByTagName("executions").getLength() > 0);
  }

  long uid() {
    return Long.parseLong(user.split(":")[0]);
  }

  long gid() {
    return Long.parseLong(user.split(":")[1]);
  }

  private static Document parse(Path pom) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
    }
  }

  /** The jib plugin element under build/{section}. */
  private static Element plugin(Document pom, String section) {
    NodeList ids = pom.getElementsByTagName("artifactId");
    for (int i = 0; i < ids.getLength(); i++) {
      Node id = ids.item(i);
      Node plugin = id.getParentNode();
      if (!JIB.equals(id.getTextContent().trim()) || !plugin.getNodeName().equals("plugin")) {
        continue;
      }
      Node above = plugin.getParentNode().getParentNode();
      if (above.getNodeName().equals(section.equals("pluginManagement") ? "pluginManagement" : "build")) {
        return (Element) plugin;
      }
    }
    return null;
  }

  private static String text(Element plugin, String parent, String child) {
    NodeList parents = plugin.getElementsByTagName(parent);
    for (int i = 0; i < parents.getLength(); i++) {
      NodeList children = ((Element) parents.item(i)).getElementsByTagName(child);
      if (children.getLength() > 0) {
        return children.item(0).getTextContent().trim();
      }
    }
    throw new AssertionError("jib configuration has no " + parent + "/" + child);
  }

  private static List<String> texts(Element plugin, String tag) {
    NodeList nodes = plugin.getElementsByTagName(tag);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent().trim());
    }
    return values;
  }

  /** ${name} from the root pom's properties; project.* left to the caller. */
  private static String resolve(Document parent, String value) {
    Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      NodeList property = parent.getElementsByTagName(m.group(1));
      String replacement = property.getLength() > 0 ? property.item(0).getTextContent().trim() : m.group(0);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
