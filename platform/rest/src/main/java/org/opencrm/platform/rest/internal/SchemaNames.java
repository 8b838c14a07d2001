package org.opencrm.platform.rest.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opencrm.platform.rest.ApiSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Component names of one OpenAPI document: the simple name of the DTO (nested records too: Reports.Liability is
 * "Liability"), {@link ApiSchema#name()} where a module renames one, generic envelopes as swagger-core names them
 * (Page&lt;ContactData&gt; is "PageContactData"). Remembers which Java class each name stands for, so the document
 * can add what the Java type does not say (required properties, money formats). Two classes never share a name: a
 * clash (two modules with a DTO of the same simple name and no {@code @ApiSchema(name)}) gives the later one its
 * module's prefix, with a warning.
 */
final class SchemaNames extends TypeNameResolver {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaNames.class);
    private final Map<String, Class<?>> classes = new HashMap<>();

    /** The raw class a component name was made for (for Page&lt;X&gt; that is Page), or null. */
    Class<?> classOf(String name) {
        return classes.get(name);
    }

    @Override
    public String nameForType(JavaType type, Set<Options> options) {
        String name = super.nameForType(type, options);
        classes.putIfAbsent(name, type.getRawClass());
        return name;
    }

    @Override
    protected String getNameOfClass(Class<?> cls) {
        ApiSchema doc = cls.getAnnotation(ApiSchema.class);
        String name = doc != null && !doc.name().isBlank() ? doc.name() : super.getNameOfClass(cls);
        Class<?> taken = classes.putIfAbsent(name, cls);
        if (taken == null || taken == cls) {
            return name;
        }
        String qualified = prefix(cls) + name;
        LOG.warn("Two DTOs are named {} in the OpenAPI document ({} and {}): naming the second {}; give one @ApiSchema(name = ...)",
                name, taken.getName(), cls.getName(), qualified);
        classes.putIfAbsent(qualified, cls);
        return qualified;
    }

    /** org.opencrm.module.handset.internal.dto.CardData: "Handset"; otherwise the last package segment before the class. */
    private static String prefix(Class<?> cls) {
        String[] parts = cls.getPackageName().split("\\.");
        String word = parts[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("module") || parts[i].equals("platform")) {
                word = parts[i + 1];
                break;
            }
        }
        return word.isEmpty() ? "X" : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
