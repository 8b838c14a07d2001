package org.opencrm.ui.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.api.time.BusinessClock;

/** What the shell's screens need, handed from the servlet component to each UI. */
public record ShellServices(Contributions contributions, UserService users, CustomerDirectory customers, Supplier<ModuleService> moduleService,
        BusinessClock clock, int sessionTimeoutMinutes) {
    public Optional<ModuleService> modules() {
        return Optional.ofNullable(moduleService.get());
    }
}
