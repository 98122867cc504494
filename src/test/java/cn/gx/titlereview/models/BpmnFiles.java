package cn.gx.titlereview.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BPMN files of bpmn/ as DOM documents, for the tests that read models as a designer's tool would. */
final class BpmnFiles {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  static final Path FOLDER = Path.of("bpmn");

  record Model(Path path, Document document) {
    String name() {
      return path.getFileName().toString();
    }

    List<Element> all(String namespace, String localName) {
      return elements(document.getElementsByTagNameNS(namespace, localName));
    }

    Element byId(String id) {
      NodeList all = document.getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        if (id.equals(e.getAttribute("id"))) {
          return e;
        }
      }
      return null;
    }
  }

  private BpmnFiles() {
  }

  static List<Model> all() throws IOException {
    List<Model> models = new ArrayList<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path path : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        models.add(new Model(path, parse(path)));
      }
    }
    return models;
  }

  static Document parse(Path path) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(path.toFile());
    } catch (Exception e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    }
  }

  static List<Element> elements(NodeList list) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      elements.add((Element) list.item(i));
    }
    return elements;
  }

  static List<Element> children(Element parent, String namespace, String localName) {
    return elements(parent.getElementsByTagNameNS(namespace, localName));
  }
}
