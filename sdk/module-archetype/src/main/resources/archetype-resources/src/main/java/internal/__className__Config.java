package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/${package}.cfg (${className}Names.CONFIG_PID); every change applies at once. */
@ObjectClassDefinition(id = ${className}Names.CONFIG_PID, name = "${moduleName}", description = "Settings of the ${moduleName} module")
public @interface ${className}Config {
    @AttributeDefinition(min = "1", description = "The largest amount of one record, in yuan")
    long maxAmountYuan() default 100000;

    @AttributeDefinition(min = "1", max = "1000", description = "The longest title of a record, in characters")
    int maxTitleLength() default 200;
}
