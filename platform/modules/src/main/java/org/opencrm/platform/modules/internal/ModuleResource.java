package org.opencrm.platform.modules.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleService;
import org.opencrm.platform.api.module.ModuleState;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/modules: list modules; enable and disable them (answers when the module is active or gone). */
@Component(service = ModuleResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleResource {
    static final String PERMISSION_READ = "platform.modules.read";

    @Reference
    private ModuleService modules;

    @GET
    @ApiDoc(value = "listModules", summary = "Installed and available modules with their state")
    public Page<ModuleInfo> list(@Context SecurityContext sc) {
        RestSupport.user(sc).require(PERMISSION_READ);
        List<ModuleInfo> all = modules.modules();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("{id}")
    @ApiDoc("getModule")
    public ModuleInfo get(@PathParam("id") String id, @Context SecurityContext sc) {
        RestSupport.user(sc).require(PERMISSION_READ);
        return modules.module(id).orElseThrow(() -> new RecordNotFoundException("module", id));
    }

    /** 200 with the ACTIVE module, or 409 naming why it FAILED (nothing else was touched). */
    @POST
    @Path("{id}/enable")
    @ApiDoc(value = "enableModule", summary = "Enable a module (answers once it serves its REST resources, or 409 if it failed)")
    public ModuleInfo enable(@PathParam("id") String id, @Context SecurityContext sc) {
        ModuleInfo info = modules.enable(RestSupport.user(sc), id);
        if (info.state() == ModuleState.FAILED) {
            throw new ConflictException("module_failed", "id", "module '" + id + "' failed: " + info.reason());
        }
        return info;
    }

    @POST
    @Path("{id}/disable")
    @ApiDoc(value = "disableModule", summary = "Disable a module (its data is kept)")
    public ModuleInfo disable(@PathParam("id") String id, @Context SecurityContext sc) {
        return modules.disable(RestSupport.user(sc), id);
    }
}
