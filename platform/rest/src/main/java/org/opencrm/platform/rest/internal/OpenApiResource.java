package org.opencrm.platform.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.rest.ModuleEndpoint;
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
    @Reference
    private EndpointDispatcher dispatcher;

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
                    if (m.method != null) { // null: a sub-resource locator, such as the module endpoint dispatcher
                        addOperation(paths, m.method, normalise(m.path), m.consumingMimeType);
                    }
                }
            }
        }
        for (ModuleEndpoint e : dispatcher.all()) {
            String base = switch (e.attach()) {
                case ROOT -> "/" + e.path();
                case CONTACT -> "/contacts/{id}/" + e.path();
                case ACCOUNT -> "/accounts/{id}/" + e.path();
            };
            Consumes classConsumes = e.getClass().getAnnotation(Consumes.class);
            for (Method method : e.getClass().getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class) : classConsumes;
                    addOperation(paths, http, normalise(base + (sub == null ? "" : "/" + sub.value())), consumes == null ? null : consumes.value());
                }
            }
        }
        doc.put("paths", paths);
        return doc;
    }

    private static void addOperation(Map<String, Map<String, Object>> paths, String method, String path, String[] consumes) {
        Map<String, Object> op = new LinkedHashMap<>();
        String tag = path.split("/").length > 1 ? path.split("/")[1] : "root";
        op.put("tags", List.of(tag));
        op.put("operationId", method.toLowerCase() + path.replaceAll("[^A-Za-z0-9]+", "_"));
        List<Map<String, Object>> params = new ArrayList<>();
        Matcher pm = PATH_PARAM.matcher(path);
        while (pm.find()) {
            params.add(Map.of("name", pm.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if ("GET".equals(method) && !path.contains("{")) {
            for (String q : List.of("q", "offset", "limit")) {
                params.add(Map.of("name", q, "in", "query", "required", false, "schema", Map.of("type", q.equals("q") ? "string" : "integer")));
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (consumes != null && consumes.length > 0 && !"GET".equals(method)) {
            Map<String, Object> content = new LinkedHashMap<>();
            Arrays.stream(consumes).forEach(t -> content.put(t, Map.of()));
            op.put("requestBody", Map.of("content", content));
        }
        op.put("responses", Map.of("200", Map.of("description", "OK"), "400", Map.of("description", "invalid input"),
                "401", Map.of("description", "not authenticated"), "403", Map.of("description", "permission missing"),
                "404", Map.of("description", "not found"), "409", Map.of("description", "duplicate or stale version")));
        paths.computeIfAbsent(path.replaceAll("\\{(\\w+):[^}]*}", "{$1}"), k -> new TreeMap<>()).put(method.toLowerCase(), op);
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String normalise(String path) {
        String p = path == null ? "/" : path.replaceAll("/+", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
