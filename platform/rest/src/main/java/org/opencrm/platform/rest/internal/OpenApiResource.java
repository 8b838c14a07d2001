package org.opencrm.platform.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opencrm.platform.api.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * OpenAPI 3 document of what is deployed right now: built from the JAX-RS whiteboard's runtime view, so a
 * module's endpoints appear when it is enabled and vanish when it is disabled.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("openapi.json")
public class OpenApiResource {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    @Reference
    private JaxrsServiceRuntime runtime;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "OpenCRM API", "version", "1",
                "description", "Lists take ?q=&offset=&limit= and return {items,total}. Errors: {error,message,field}."));
        doc.put("servers", List.of(Map.of("url", CrmRest.BASE_PATH)));
        doc.put("components", Map.of("securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic"))));
        doc.put("security", List.of(Map.of("basic", List.of())));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (!CrmRest.APPLICATION_NAME.equals(app.name)) {
                continue;
            }
            for (ResourceDTO resource : app.resourceDTOs) {
                for (ResourceMethodInfoDTO m : resource.resourceMethods) {
                    if (m.method == null) {
                        continue; // sub-resource locator
                    }
                    String path = normalise(m.path);
                    Map<String, Object> op = new LinkedHashMap<>();
                    String tag = path.split("/").length > 1 ? path.split("/")[1] : "root";
                    op.put("tags", List.of(tag));
                    op.put("operationId", m.method.toLowerCase() + path.replaceAll("[^A-Za-z0-9]+", "_"));
                    List<Map<String, Object>> params = new ArrayList<>();
                    Matcher pm = PATH_PARAM.matcher(path);
                    while (pm.find()) {
                        params.add(Map.of("name", pm.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
                    }
                    if ("GET".equals(m.method) && !path.contains("{")) {
                        for (String q : List.of("q", "offset", "limit")) {
                            params.add(Map.of("name", q, "in", "query", "required", false,
                                    "schema", Map.of("type", q.equals("q") ? "string" : "integer")));
                        }
                    }
                    if (!params.isEmpty()) {
                        op.put("parameters", params);
                    }
                    if (m.consumingMimeType != null && m.consumingMimeType.length > 0 && !"GET".equals(m.method)) {
                        Map<String, Object> content = new LinkedHashMap<>();
                        Arrays.stream(m.consumingMimeType).forEach(t -> content.put(t, Map.of()));
                        op.put("requestBody", Map.of("content", content));
                    }
                    op.put("responses", Map.of("200", Map.of("description", "OK"), "400", Map.of("description", "invalid input"),
                            "401", Map.of("description", "not authenticated"), "403", Map.of("description", "permission missing"),
                            "404", Map.of("description", "not found"), "409", Map.of("description", "duplicate or stale version")));
                    paths.computeIfAbsent(path.replaceAll("\\{(\\w+):[^}]*}", "{$1}"), k -> new TreeMap<>())
                            .put(m.method.toLowerCase(), op);
                }
            }
        }
        doc.put("paths", paths);
        return doc;
    }

    private static String normalise(String path) {
        String p = path == null ? "/" : path.replaceAll("/+", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
