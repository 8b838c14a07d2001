package org.opencrm.platform.modules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CRM module management", description = "How modules are enabled and disabled at runtime")
public @interface ModulesConfig {
    @AttributeDefinition(name = "Start timeout (s)", description = "How long enabling waits for a module to come up before reporting it FAILED")
    int startTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Largest module package (MiB)", description = "Uploads of module packages (KAR files) larger than this are refused (413)")
    int maxPackageMegabytes() default 100;

    @AttributeDefinition(name = "Cluster poll (ms)", description = "How often this node reads the cluster's set of enabled modules from the database and follows it")
    long clusterPollMillis() default 500;
}
