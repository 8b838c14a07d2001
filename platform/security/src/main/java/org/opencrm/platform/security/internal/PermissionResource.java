package org.opencrm.platform.security.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/permissions: the permissions every installed module defines (they come and go with the modules). */
@Component(service = PermissionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("permissions")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {
    private final List<PermissionSet> sets = new CopyOnWriteArrayList<>();

    public record ModulePermission(String moduleId, String id, String description) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSet(PermissionSet set) {
        sets.add(set);
    }

    void removeSet(PermissionSet set) {
        sets.remove(set);
    }

    @GET
    @ApiDoc(value = "listPermissions", summary = "The permissions every installed module defines")
    public Page<ModulePermission> list(@Context SecurityContext sc) {
        RestSupport.user(sc).require("platform.users.read");
        List<ModulePermission> all = sets.stream()
                .flatMap(s -> s.permissions().stream().map((Permission p) -> new ModulePermission(s.moduleId(), p.id(), p.description())))
                .sorted(Comparator.comparing(ModulePermission::id)).toList();
        return new Page<>(all, all.size());
    }
}
