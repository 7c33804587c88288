package br.prontuario.edge.ctl.install;

import java.io.StringWriter;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A {@link Service} as a launchd daemon ({@code /Library/LaunchDaemons/LABEL.plist}), built as a DOM
 * so that escaping is the XML library's. Started at boot and kept alive; stdout and stderr go to
 * one file per service under the log folder, which newsyslog rotates ({@link Newsyslog}).
 */
final class LaunchdPlist {

  static final String DIR = "/Library/LaunchDaemons";
  static final String LABEL_PREFIX = "br.prontuario.edge.";
  // launchd's default is 256 open files: too few for HAProxy's maxconn 4096 or PostgreSQL's 100
  // connections; 10240 is the historical kern.maxfilesperproc, accepted on every macOS
  static final int OPEN_FILES = 10240;

  private LaunchdPlist() {}

  static String label(Service service) {
    return LABEL_PREFIX + service.name();
  }

  static String fileName(Service service) {
    return label(service) + ".plist";
  }

  static String logFile(Host host, Service service) {
    return host.logDir() + "/" + service.name() + ".log";
  }

  static String render(Host host, Service s) {
    Plist p = new Plist();
    Element dict = p.dict(p.root);
    p.string(dict, "Label", label(s));
    Element args = p.key(dict, "ProgramArguments", "array");
    s.command().forEach(word -> p.text(args, "string", word));
    p.string(dict, "UserName", s.account());
    p.string(dict, "GroupName", Host.ROOT.equals(s.account()) ? "wheel" : s.account());
    p.string(dict, "WorkingDirectory", s.workingDirectory());
    if (!s.environment().isEmpty()) {
      Element env = p.key(dict, "EnvironmentVariables", "dict");
      new TreeMap<>(s.environment()).forEach((k, v) -> p.string(env, k, v));
    }
    p.bool(dict, "RunAtLoad", true);
    if (s.restartAfterCleanExit()) {
      p.bool(dict, "KeepAlive", true);
    } else {
      p.bool(p.key(dict, "KeepAlive", "dict"), "SuccessfulExit", false);
    }
    p.integer(dict, "ThrottleInterval", s.restartDelay().toSeconds());
    for (String limits : List.of("SoftResourceLimits", "HardResourceLimits")) {
      p.integer(p.key(dict, limits, "dict"), "NumberOfFiles", OPEN_FILES);
    }
    p.string(dict, "StandardOutPath", logFile(host, s));
    p.string(dict, "StandardErrorPath", logFile(host, s));
    return p.serialize();
  }

  /** The few plist value types used here, on one DOM document. */
  private static final class Plist {
    private final Document doc;
    private final Element root;

    Plist() {
      try {
        doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("the JDK's XML support is missing", e);
      }
      doc.setXmlStandalone(true);
      root = doc.createElement("plist");
      root.setAttribute("version", "1.0");
      doc.appendChild(root);
    }

    Element dict(Element parent) {
      Element dict = doc.createElement("dict");
      parent.appendChild(dict);
      return dict;
    }

    /** {@code <key>name</key>} followed by an empty element of {@code type}, returned. */
    Element key(Element dict, String name, String type) {
      text(dict, "key", name);
      Element value = doc.createElement(type);
      dict.appendChild(value);
      return value;
    }

    void string(Element dict, String name, String value) {
      text(dict, "key", name);
      text(dict, "string", value);
    }

    void integer(Element dict, String name, long value) {
      text(dict, "key", name);
      text(dict, "integer", Long.toString(value));
    }

    void bool(Element dict, String name, boolean value) {
      text(dict, "key", name);
      dict.appendChild(doc.createElement(Boolean.toString(value)));
    }

    void text(Element parent, String tag, String content) {
      Element e = doc.createElement(tag);
      e.setTextContent(content);
      parent.appendChild(e);
    }

    String serialize() {
      try {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//Apple//DTD PLIST 1.0//EN");
        transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "http://www.apple.com/DTDs/PropertyList-1.0.dtd");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().endsWith("\n") ? out.toString() : out + "\n";
      } catch (TransformerException e) {
        throw new IllegalStateException("cannot write a plist", e);
      }
    }
  }
}
