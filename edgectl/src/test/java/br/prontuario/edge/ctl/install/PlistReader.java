package br.prontuario.edge.ctl.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an XML property list with the JDK's parser into plain values: dict → Map, array → List,
 * string → String, integer → Long, true/false → Boolean. Anything else fails the test.
 */
final class PlistReader {

  private PlistReader() {}

  static Map<String, Object> read(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    // the DOCTYPE names Apple's DTD by URL: never fetch it
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var doc = factory.newDocumentBuilder().parse(file.toFile());
    Element plist = doc.getDocumentElement();
    if (!plist.getTagName().equals("plist") || !"1.0".equals(plist.getAttribute("version"))) {
      throw new AssertionError(file + ": not a plist 1.0 document");
    }
    List<Element> top = children(plist);
    if (top.size() != 1 || !top.get(0).getTagName().equals("dict")) {
      throw new AssertionError(file + ": a launchd plist holds exactly one dict");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> dict = (Map<String, Object>) value(top.get(0));
    return dict;
  }

  private static Object value(Element e) {
    return switch (e.getTagName()) {
      case "dict" -> dict(e);
      case "array" -> children(e).stream().map(PlistReader::value).toList();
      case "string" -> e.getTextContent();
      case "integer" -> Long.parseLong(e.getTextContent().strip());
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new AssertionError("unexpected plist element <" + e.getTagName() + ">");
    };
  }

  private static Map<String, Object> dict(Element e) {
    List<Element> items = children(e);
    if (items.size() % 2 != 0) {
      throw new AssertionError("a dict alternates <key> and a value");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i += 2) {
      Element key = items.get(i);
      if (!key.getTagName().equals("key")) {
        throw new AssertionError("expected <key>, found <" + key.getTagName() + ">");
      }
      if (map.put(key.getTextContent(), value(items.get(i + 1))) != null) {
        throw new AssertionError("duplicate key " + key.getTextContent());
      }
    }
    return map;
  }

  private static List<Element> children(Element e) {
    List<Element> elements = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        elements.add(child);
      } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
        throw new AssertionError("stray text in <" + e.getTagName() + ">: " + n.getTextContent());
      }
    }
    return elements;
  }
}
