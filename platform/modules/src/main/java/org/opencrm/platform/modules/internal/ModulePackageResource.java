package org.opencrm.platform.modules.internal;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.module.ModulePackageService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * /api/v1/modules/packages: module packages (KAR files) of third parties: upload one (its modules become AVAILABLE),
 * list and remove them. Administrators only ({@code platform.modules.manage}).
 */
@Component(service = ModulePackageResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("modules/packages")
@Produces(MediaType.APPLICATION_JSON)
public class ModulePackageResource {
    @Reference
    private ModulePackageService packages;

    @GET
    @ApiDoc(value = "listModulePackages", summary = "Installed module packages (KAR names)")
    public Page<String> list(@Context SecurityContext sc) {
        List<String> all = packages.packages(RestSupport.user(sc));
        return new Page<>(all, all.size());
    }

    /**
     * The KAR as the body ({@code application/octet-stream}), its file name in {@code file}: 201 with the modules it
     * brought; 400 when it is not a package of CRM modules, 409 when one of its modules is already there, 413 when too
     * large — and then nothing was changed.
     */
    @POST
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, "application/zip", "application/java-archive", "application/vnd.karaf.kar" })
    @ApiDoc(value = "installModulePackage", status = 201, returns = ModulePackageService.InstalledPackage.class, summary = "Upload a module package (KAR)",
            params = @ApiDoc.Param(name = "file", type = String.class, description = "the file's name, e.g. acme-warranty-1.0.0.kar"))
    public Response install(@QueryParam("file") String file, InputStream body, @Context SecurityContext sc) {
        ModulePackageService.InstalledPackage installed = packages.install(RestSupport.user(sc), body, file);
        return Response.status(201).entity(installed).build();
    }

    @DELETE
    @Path("{name}")
    @ApiDoc(value = "removeModulePackage", status = 204, summary = "Remove a module package whose modules are disabled")
    public Response remove(@PathParam("name") String name, @Context SecurityContext sc) {
        packages.remove(RestSupport.user(sc), name);
        return Response.noContent().build();
    }
}
