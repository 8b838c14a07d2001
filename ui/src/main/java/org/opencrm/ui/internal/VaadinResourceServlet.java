package org.opencrm.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves Vaadin's static files (bootstrap script, compiled widgetset, Valo theme) at {@code /VAADIN/*}, where the
 * bootstrap page of the {@code /crm} servlet looks for them. Vaadin's own OSGi resource publishing puts them under
 * a versioned path on Pax Web 8 instead (STACK-NOTES pitfall 2). Only entries under VAADIN/ of the named Vaadin
 * bundles are served.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/VAADIN/*",
        "osgi.http.whiteboard.servlet.name=opencrm-vaadin-resources" })
public class VaadinResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final List<String> BUNDLES = List.of("com.vaadin.server", "com.vaadin.client-compiled", "com.vaadin.themes",
            "com.vaadin.shared");
    private transient BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.contains("..") || path.contains("\\") || path.endsWith("/")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URL entry = find("VAADIN" + path);
        if (entry == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // static files: the type is the one below, never guessed by the browser
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String type = req.getServletContext().getMimeType(path);
        if (type == null) {
            type = path.endsWith(".js") ? "application/javascript" : path.endsWith(".css") ? "text/css" : URLConnection.guessContentTypeFromName(path);
        }
        if (type != null) {
            resp.setContentType(type);
        }
        // widgetset and theme files are named per Vaadin version; the bootstrap script is not
        resp.setHeader("Cache-Control", path.contains("nocache") || path.endsWith("vaadinBootstrap.js") ? "no-cache" : "max-age=86400");
        try (InputStream in = entry.openStream(); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private URL find(String entryPath) {
        for (Bundle b : context.getBundles()) {
            if (BUNDLES.contains(b.getSymbolicName()) && (b.getState() & (Bundle.RESOLVED | Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                URL url = b.getEntry(entryPath);
                if (url != null) {
                    return url;
                }
            }
        }
        return null;
    }
}
