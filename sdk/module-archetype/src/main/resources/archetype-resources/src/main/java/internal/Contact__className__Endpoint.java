package ${package}.internal;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import ${package}.internal.${className}Service.${className}Data;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/contacts/{id}/${moduleId}: one contact's records (the platform checks first that the caller may see the contact). */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class Contact${className}Endpoint implements ModuleEndpoint {
    private final ${className}Service service;

    @Activate
    public Contact${className}Endpoint(@Reference ${className}Service service) {
        this.service = service;
    }

    @Override
    public String path() {
        return ${className}Names.REST_PATH;
    }

    @Override
    public Attach attach() {
        return Attach.CONTACT;
    }

    @GET
    @ApiDoc(value = "listContact${className}", summary = "${moduleName}: a contact's records")
    public Page<${className}Data> list(@PathParam("id") long contactId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return service.list(RestSupport.user(sc), contactId, PageRequest.of(null, offset, limit));
    }
}
