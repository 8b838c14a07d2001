package org.opencrm.platform.api.module;

public enum ModuleState {
    /** Installed and running. */
    ACTIVE,
    /** Known to the platform (its feature is in a repository) but not enabled. */
    AVAILABLE,
    /** Enabled but not working: a dependency is missing or a bundle failed; see the reason. */
    FAILED
}
