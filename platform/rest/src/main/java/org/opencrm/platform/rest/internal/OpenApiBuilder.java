package org.opencrm.platform.rest.internal;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ApiError;
import org.opencrm.platform.rest.ApiSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter.StyleEnum;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Builds one OpenAPI 3.0 document from JAX-RS resource classes: paths, parameters, request bodies and responses from
 * their annotations and Java types; the JSON schemas of the DTOs by swagger-core's {@link ModelResolver} over the very
 * ObjectMapper that writes the API's JSON (so names and types are what a client receives); operationIds, success
 * statuses and entity types of {@code Response}-returning methods from {@link ApiDoc}. Not thread-safe: one builder
 * per document.
 */
final class OpenApiBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiBuilder.class);
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");
    private static final String ERROR_REF = "#/components/schemas/ApiError";
    private static final Map<Integer, String[]> ERRORS = new LinkedHashMap<>();
    static {
        ERRORS.put(400, new String[] { "BadRequest", "Invalid input; `field` names the field or parameter. Nothing was changed." });
        ERRORS.put(401, new String[] { "Unauthorized", "No or wrong credentials (HTTP Basic)." });
        ERRORS.put(403, new String[] { "Forbidden", "The user lacks the permission, or the record is outside the user's data scope." });
        ERRORS.put(404, new String[] { "NotFound", "No such record (or resource)." });
        ERRORS.put(409, new String[] { "Conflict", "A duplicate, a stale `version` (reload and apply the change again) or a state that does not allow the action." });
    }

    private final SchemaNames names = new SchemaNames();
    private final ModelConverterContextImpl schemas;
    private final Map<String, PathItem> paths = new TreeMap<>();
    private final Map<String, Tag> tags = new TreeMap<>();
    private final Set<String> operationIds = new HashSet<>();

    OpenApiBuilder(ObjectMapper apiMapper) {
        this.schemas = new ModelConverterContextImpl(new ModelResolver(apiMapper, names));
    }

    /**
     * Documents every resource method of {@code type} (methods with an HTTP method annotation; sub-resource locators
     * are left out) under {@code basePath}, which may hold templates with regular expressions ({@code /contacts/{id:\d+}/handsets}).
     */
    OpenApiBuilder addResource(Class<?> type, String basePath, String tag, String tagDescription) {
        tags.computeIfAbsent(tag, t -> new Tag().name(t).description(tagDescription));
        Path classPath = type.getAnnotation(Path.class);
        String base = join(basePath, classPath == null ? "" : classPath.value());
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            String http = httpMethod(method);
            if (http != null && !Modifier.isStatic(method.getModifiers())) {
                Path sub = method.getAnnotation(Path.class);
                addOperation(type, method, http, join(base, sub == null ? "" : sub.value()), tag);
            }
        }
        return this;
    }

    OpenAPI build(String title, String version, String description) {
        Components components = new Components();
        schemas.resolve(new AnnotatedType(ApiError.class).resolveAsRef(true));
        Map<String, Schema> defined = new TreeMap<>(schemas.getDefinedModels());
        defined.forEach(this::complete);
        components.setSchemas(defined);
        ERRORS.forEach((status, text) -> components.addResponses(text[0], new ApiResponse().description(text[1])
                .content(new Content().addMediaType(javax.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType().schema(new Schema<>().$ref(ERROR_REF))))));
        components.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The same users as the web UI and the shell"));
        Paths p = new Paths();
        paths.forEach(p::addPathItem);
        return new OpenAPI()
                .openapi("3.0.3")
                .info(new Info().title(title).version(version).description(description))
                .addServersItem(new Server().url(org.opencrm.platform.api.CrmRest.BASE_PATH))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .tags(new ArrayList<>(tags.values()))
                .paths(p)
                .components(components);
    }

    // ---------------------------------------------------------------- operations

    private void addOperation(Class<?> type, Method method, String http, String rawPath, String tag) {
        ApiDoc doc = method.getAnnotation(ApiDoc.class);
        Map<String, String> regexes = new LinkedHashMap<>();
        String path = template(rawPath, regexes);
        Operation op = new Operation().addTagsItem(tag);
        String id = uniqueId(doc != null ? doc.value() : defaultId(type, method));
        op.operationId(id);
        op.summary(doc != null && !doc.summary().isBlank() ? doc.summary() : words(id));
        if (doc != null && !doc.description().isBlank()) {
            op.description(doc.description());
        }

        Map<String, ApiDoc.Param> declared = new HashMap<>();
        if (doc != null) {
            for (ApiDoc.Param p : doc.params()) {
                declared.put(p.name(), p);
            }
        }
        Set<String> pathParams = new LinkedHashSet<>();
        Type bodyType = null;
        for (Parameter parameter : method.getParameters()) {
            PathParam pp = parameter.getAnnotation(PathParam.class);
            QueryParam qp = parameter.getAnnotation(QueryParam.class);
            HeaderParam hp = parameter.getAnnotation(HeaderParam.class);
            if (pp != null) {
                if (pathParams.add(pp.value()) && regexes.containsKey(pp.value())) {
                    op.addParametersItem(pathParameter(pp.value(), parameter.getParameterizedType(), regexes.get(pp.value())));
                }
            } else if (qp != null) {
                ApiDoc.Param d = declared.get(qp.value());
                Schema<?> schema = inline(d != null ? d.type() : parameter.getParameterizedType());
                DefaultValue dv = parameter.getAnnotation(DefaultValue.class);
                if (dv != null) {
                    schema.setDefault("boolean".equals(schema.getType()) ? (Object) Boolean.valueOf(dv.value()) : dv.value());
                }
                op.addParametersItem(new io.swagger.v3.oas.models.parameters.Parameter().in("query").name(qp.value()).required(false)
                        .description(d != null && !d.description().isBlank() ? d.description() : null).schema(schema));
            } else if (hp != null) {
                op.addParametersItem(new io.swagger.v3.oas.models.parameters.Parameter().in("header").name(hp.value()).required(false)
                        .schema(inline(parameter.getParameterizedType())));
            } else if (!isContext(parameter)) {
                bodyType = parameter.getParameterizedType();
            }
        }
        // template variables the method does not take itself, e.g. the contact id of a module endpoint on /contacts/{id}/...
        for (Map.Entry<String, String> v : regexes.entrySet()) {
            if (!pathParams.contains(v.getKey())) {
                op.addParametersItem(pathParameter(v.getKey(), String.class, v.getValue()));
            }
        }
        if (bodyType != null) {
            op.requestBody(requestBody(type, method, bodyType, doc));
        }
        op.responses(responses(type, method, http, doc, !regexes.isEmpty(), bodyType != null || op.getParameters() != null));
        PathItem item = paths.computeIfAbsent(path, k -> new PathItem());
        if (operationOf(item, http) != null) {
            LOG.warn("Two resource methods answer {} {}: documenting {} only", http, path, operationOf(item, http).getOperationId());
            return;
        }
        item.operation(PathItem.HttpMethod.valueOf(http), op);
    }

    private static Operation operationOf(PathItem item, String http) {
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(http));
    }

    private io.swagger.v3.oas.models.parameters.Parameter pathParameter(String name, Type javaType, String regex) {
        Schema<?> schema = inline(javaType);
        if (regex != null && regex.matches("\\\\d\\+|\\[0-9]\\+")) {
            if (!(schema instanceof IntegerSchema)) {
                schema = new IntegerSchema().format("int64");
            }
        } else if (regex != null && "string".equals(schema.getType())) {
            schema.setPattern("^" + regex + "$");
        }
        return new io.swagger.v3.oas.models.parameters.Parameter().in("path").name(name).required(true).style(StyleEnum.SIMPLE).schema(schema);
    }

    private RequestBody requestBody(Class<?> type, Method method, Type bodyType, ApiDoc doc) {
        Content content = new Content();
        for (String mediaType : consumes(type, method)) {
            content.addMediaType(mediaType, new MediaType().schema(bodySchema(bodyType, mediaType)));
        }
        return new RequestBody().required(doc == null || doc.bodyRequired()).content(content);
    }

    private ApiResponses responses(Class<?> type, Method method, String http, ApiDoc doc, boolean hasPathParams, boolean hasInput) {
        Type entity = method.getGenericReturnType();
        if (doc != null && doc.returns() != Void.class) {
            entity = doc.returns();
        } else if (method.getReturnType() == Response.class) {
            entity = null;
        }
        int status = doc != null ? doc.status() : 200;
        if (method.getReturnType() == void.class) {
            status = 204;
            entity = null;
        }
        ApiResponse ok = new ApiResponse().description(switch (status) {
            case 201 -> "Created";
            case 204 -> "No content";
            default -> "OK";
        });
        if (status != 204) {
            Content content = new Content();
            for (String mediaType : produces(type, method)) {
                content.addMediaType(mediaType, new MediaType().schema(entity == null ? new Schema<>() : bodySchema(entity, mediaType)));
            }
            ok.content(content);
        }
        ApiResponses responses = new ApiResponses().addApiResponse(Integer.toString(status), ok);
        if (hasInput) {
            responses.addApiResponse("400", errorRef(400));
        }
        responses.addApiResponse("401", errorRef(401));
        responses.addApiResponse("403", errorRef(403));
        if (hasPathParams) {
            responses.addApiResponse("404", errorRef(404));
        }
        if (!"GET".equals(http)) {
            responses.addApiResponse("409", errorRef(409));
        }
        return responses;
    }

    private static ApiResponse errorRef(int status) {
        return new ApiResponse().$ref("#/components/responses/" + ERRORS.get(status)[0]);
    }

    // ---------------------------------------------------------------- schemas

    private Schema<?> bodySchema(Type javaType, String mediaType) {
        Class<?> raw = javaType instanceof Class<?> c ? c : null;
        boolean text = raw != null && (raw == String.class || InputStream.class.isAssignableFrom(raw) || Reader.class.isAssignableFrom(raw)
                || StreamingOutput.class.isAssignableFrom(raw) || raw == byte[].class);
        if (text || !isJson(mediaType)) {
            StringSchema s = new StringSchema();
            if (mediaType.startsWith(javax.ws.rs.core.MediaType.APPLICATION_OCTET_STREAM)) {
                s.format("binary");
            }
            return s;
        }
        return schemas.resolve(new AnnotatedType(javaType).resolveAsRef(true));
    }

    /** A parameter's schema, never a reference (ids, numbers, dates, enums): a copy, as the resolver caches by type. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Schema<?> inline(Type javaType) {
        Schema<?> s = javaType == String.class ? null : schemas.resolve(new AnnotatedType(javaType));
        if (s == null || s.getType() == null) {
            return new StringSchema();
        }
        Schema copy = s.getType().equals("integer") ? new IntegerSchema() : new Schema<>();
        copy.type(s.getType()).format(s.getFormat());
        if (s.getEnum() != null) {
            copy.setEnum(new ArrayList<>(s.getEnum()));
        }
        return copy;
    }

    /** What the Java type does not say: required properties, money as a decimal, descriptions. */
    private void complete(String name, Schema<?> schema) {
        Class<?> type = names.classOf(name);
        if (type == null || !type.isRecord() || schema.getProperties() == null) {
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Schema<?> property = schema.getProperties().get(c.getName());
            if (property == null) {
                continue;
            }
            if (c.getType().isPrimitive()) {
                required.add(c.getName());
            }
            if (c.getType() == BigDecimal.class && property.get$ref() == null) {
                property.setFormat("decimal");
            }
        }
        if (type == Page.class) {
            required.add("items");
            required.add("total");
        }
        ApiSchema doc = type.getAnnotation(ApiSchema.class);
        if (doc != null) {
            for (String r : doc.required()) {
                if (schema.getProperties().containsKey(r)) {
                    required.add(r);
                } else {
                    LOG.warn("@ApiSchema of {} names '{}' required, but it has no such property", type.getName(), r);
                }
            }
            if (!doc.description().isBlank()) {
                schema.setDescription(doc.description());
            }
        }
        if (!required.isEmpty()) {
            List<String> ordered = new ArrayList<>();
            schema.getProperties().keySet().stream().filter(required::contains).forEach(ordered::add);
            schema.setRequired(ordered);
        }
    }

    // ---------------------------------------------------------------- names, paths, media types

    private String uniqueId(String wanted) {
        String id = wanted;
        for (int i = 2; !operationIds.add(id); i++) {
            id = wanted + i;
        }
        if (!id.equals(wanted)) {
            LOG.warn("operationId {} is used twice; the second one is {}", wanted, id);
        }
        return id;
    }

    /** listSampleNote for SampleNoteResource.list: the Java method and the class without Resource/Endpoint. */
    static String defaultId(Class<?> type, Method method) {
        String noun = type.getSimpleName().replaceAll("(Resource|Endpoint)$", "");
        return method.getName() + noun;
    }

    /** "getContactTimeline" → "Get contact timeline". */
    static String words(String id) {
        String spaced = id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** "/contacts/{id: \d+}/x" → "/contacts/{id}/x", remembering id → \d+ (null where a variable has no expression). */
    static String template(String path, Map<String, String> regexes) {
        StringBuilder out = new StringBuilder();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            regexes.put(m.group(1), m.group(2) == null ? null : m.group(2).strip());
            m.appendReplacement(out, Matcher.quoteReplacement("{" + m.group(1) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String join(String base, String sub) {
        String p = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static List<String> consumes(Class<?> type, Method method) {
        Consumes c = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class) : type.getAnnotation(Consumes.class);
        return mediaTypes(c == null ? null : c.value());
    }

    private static List<String> produces(Class<?> type, Method method) {
        Produces p = method.getAnnotation(Produces.class) != null ? method.getAnnotation(Produces.class) : type.getAnnotation(Produces.class);
        return mediaTypes(p == null ? null : p.value());
    }

    /** Without parameters (charset): "text/csv; charset=UTF-8" → "text/csv"; none declared → application/json. */
    private static List<String> mediaTypes(String[] declared) {
        Set<String> out = new LinkedHashSet<>();
        if (declared != null) {
            for (String d : declared) {
                for (String one : d.split(",")) {
                    String t = one.split(";")[0].strip();
                    if (!t.isEmpty() && !t.equals("*/*")) {
                        out.add(t);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(javax.ws.rs.core.MediaType.APPLICATION_JSON);
        }
        return new ArrayList<>(out);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals(javax.ws.rs.core.MediaType.APPLICATION_JSON) || mediaType.endsWith("+json") || mediaType.equals("text/json");
    }

    private static boolean isContext(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            if (a instanceof Context || a.annotationType().getPackageName().equals("javax.ws.rs")) {
                return true; // @Context, @CookieParam, @MatrixParam, @FormParam, @BeanParam: not a body
            }
        }
        return false;
    }

    static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
