package org.opencrm.platform.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /health} and {@code GET /health/live}: 200 {@code {"status":"UP"}} while the platform's REST bundle is
 * active (the process answers), for load balancers and liveness probes. Whether the node can serve is
 * {@code /health/ready} ({@link ReadinessServlet}). No authentication and no database access, so that a probe costs nothing; it is also the ceiling the
 * handset benchmark compares REST calls against (the cost of Jetty and the HTTP whiteboard alone).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.servlet.pattern=/health/live",
        "osgi.http.whiteboard.servlet.name=opencrm-health" })
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(UP.length);
        resp.getOutputStream().write(UP);
    }
}
