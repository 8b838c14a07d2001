package org.opencrm.platform.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.opencrm.platform.api.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads a KAR (Karaf archive: a zip with a Maven-layout {@code repository/} holding the features XML and the bundles)
 * before anything is installed, so that a file that is not a CRM module package is refused with a reason and
 * changes nothing. The features XML is parsed without DTDs or external entities (an uploaded file is untrusted).
 */
final class KarInspector {
    /** One feature the package offers: a CRM module is a feature named crm-&lt;id&gt;. */
    record PackagedFeature(String name, String version, String install, String moduleId) {
        /** Karaf installs a feature of a KAR at once unless it says install="manual". */
        boolean installsAtOnce() {
            return install == null || install.isBlank() || "auto".equalsIgnoreCase(install);
        }
    }

    private KarInspector() {
    }

    /** The package's features; 400 naming what is wrong when it is not a KAR of CRM modules. */
    static List<PackagedFeature> inspect(Path kar) throws IOException {
        List<PackagedFeature> features = new ArrayList<>();
        boolean repository = false;
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
                    throw refused("an entry of the KAR leaves its folder: " + name, "modules.packageUnsafeEntry", name);
                }
                if (!e.isDirectory() && name.startsWith("repository/") && name.endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        Document doc = parse(in, name);
                        Element root = doc.getDocumentElement();
                        if (!"features".equals(localName(root))) {
                            continue; // e.g. a pom or other metadata next to the bundles
                        }
                        repository = true;
                        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                            if (n instanceof Element f && "feature".equals(localName(f))) {
                                String featureName = f.getAttribute("name");
                                features.add(new PackagedFeature(featureName, emptyToNull(f.getAttribute("version")), emptyToNull(f.getAttribute("install")),
                                        ModuleStates.moduleId(featureName)));
                            }
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw refused("the file is not a KAR (a zip archive): " + e.getMessage(), "modules.packageNotZip");
        }
        if (!repository || features.isEmpty()) {
            throw refused("the KAR holds no features repository (repository/.../*.xml with <features> and at least one <feature>)",
                    "modules.packageNoFeatures");
        }
        for (PackagedFeature f : features) {
            if (f.moduleId() == null) {
                throw refused("feature '" + f.name() + "' is not a CRM module: a module's feature is named crm-<id> (and never crm-platform...)",
                        "modules.packageNotModule", f.name());
            }
        }
        return List.copyOf(features);
    }

    private static Document parse(InputStream in, String entry) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(in);
        } catch (SAXException e) {
            throw refused(entry + " is not a valid features XML: " + e.getMessage(), "modules.packageBadXml", entry);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static InvalidInputException refused(String message, String key, Object... args) {
        return new InvalidInputException("file", message, key, args);
    }
}
