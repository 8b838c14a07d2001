package org.opencrm.platform.persistence.testing;

import java.io.InputStream;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.Entity;
import javax.persistence.Table;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** For modules' unit tests: what a persistence unit on the class path maps, so a test can check the module's names. */
public final class PersistenceUnits {
    private PersistenceUnits() {
    }

    /**
     * Entity class name → table name (its {@code @Table}, else the class's simple name) of every entity the unit
     * {@code unitName} lists in a META-INF/persistence.xml on the class path; empty when no such unit exists.
     */
    public static Map<String, String> tables(String unitName) throws Exception {
        Map<String, String> tables = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Enumeration<java.net.URL> files = loader.getResources("META-INF/persistence.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                NodeList units = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "persistence-unit");
                for (int i = 0; i < units.getLength(); i++) {
                    Element unit = (Element) units.item(i);
                    if (!unitName.equals(unit.getAttribute("name"))) {
                        continue;
                    }
                    NodeList classes = unit.getElementsByTagNameNS("*", "class");
                    for (int c = 0; c < classes.getLength(); c++) {
                        Class<?> type = Class.forName(classes.item(c).getTextContent().strip(), false, loader);
                        if (!type.isAnnotationPresent(Entity.class)) {
                            continue; // converters, embeddables
                        }
                        Table table = type.getAnnotation(Table.class);
                        tables.put(type.getName(), table == null || table.name().isEmpty() ? type.getSimpleName() : table.name());
                    }
                }
            }
        }
        return tables;
    }
}
