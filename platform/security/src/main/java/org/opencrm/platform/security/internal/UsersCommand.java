package org.opencrm.platform.security.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.NewUser;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.platform.api.security.UserService;

/**
 * crm:users [list] | add NAME PASSWORD ROLES [--scope ...] | passwd NAME PASSWORD | disable NAME | enable NAME |
 * unlock NAME-OR-ADDRESS
 */
@Command(scope = "crm", name = "users", description = "List and manage CRM users (the same users as the web UI and REST API)")
@Service
public class UsersCommand implements Action {
    @Reference
    UserService users;

    @Argument(index = 0, name = "action", description = "list | add | passwd | enable | disable | unlock (forget failed sign-ins of a user name or client address)", required = false)
    String action = "list";
    @Argument(index = 1, name = "username", required = false)
    String username;
    @Argument(index = 2, name = "password", required = false)
    String password;
    @Argument(index = 3, name = "roles", description = "comma-separated roles", required = false)
    String roles;
    @Option(name = "--scope", description = "HQ | REGION | PARTNER | STORE")
    ScopeType scope = ScopeType.HQ;
    @Option(name = "--region", description = "region code for REGION scope")
    String region;
    @Option(name = "--account", description = "account id for PARTNER / STORE scope")
    Long accountId;

    @Override
    public Object execute() {
        // the shell session is already authenticated as a CRM administrator through the same user store
        CrmUser actor = CrmUser.SYSTEM;
        switch (action) {
            case "list" -> {
                ShellTable table = new ShellTable();
                table.column("Username");
                table.column("Name");
                table.column("Roles");
                table.column("Scope");
                table.column("Enabled");
                List<UserAccount> all = users.list();
                for (UserAccount u : all) {
                    String scopeText = u.scopeType() + (u.region() != null ? " " + u.region() : "")
                            + (u.accountId() != null ? " account " + u.accountId() : "");
                    table.addRow().addContent(u.username(), u.displayName(), String.join(",", u.roles()), scopeText, u.enabled());
                }
                table.print(System.out);
            }
            case "add" -> {
                Set<String> roleSet = roles == null ? Set.of() : new LinkedHashSet<>(List.of(UserServiceImpl.split(roles)));
                UserAccount u = users.create(actor, new NewUser(username, password, null, roleSet, scope, region, accountId));
                System.out.println("Created user " + u.username());
            }
            case "passwd" -> {
                users.changePassword(actor, username, password == null ? null : password.toCharArray());
                System.out.println("Password changed for " + username);
            }
            case "enable", "disable" -> {
                users.setEnabled(actor, username, action.equals("enable"));
                System.out.println("User " + username + " " + action + "d");
            }
            case "unlock" -> {
                users.clearSignInFailures(actor, username);
                System.out.println("Failed sign-ins of " + username + " forgotten; it may sign in again");
            }
            default -> System.err.println("Unknown action '" + action + "': use list, add, passwd, enable, disable or unlock");
        }
        return null;
    }
}
