package org.opencrm.platform.modules.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleService;

@Service
public class ModuleIdCompleter implements Completer {
    @Reference
    ModuleService modules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        modules.modules().stream().map(ModuleInfo::id).forEach(ids.getStrings()::add);
        return ids.complete(session, commandLine, candidates);
    }
}
