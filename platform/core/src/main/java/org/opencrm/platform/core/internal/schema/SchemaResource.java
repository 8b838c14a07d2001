package org.opencrm.platform.core.internal.schema;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** GET /api/v1/admin/schema: each module's schema version in the database, permission {@code platform.schema.read}. */
@Component(service = SchemaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("admin/schema")
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {
    private final SchemaVersions versions;

    /** A module's schema: its newest applied step (version and description) and when it was applied. */
    public record SchemaVersion(String module, int version, String description, Instant appliedAt) {
    }

    @Activate
    public SchemaResource(@Reference SchemaVersions versions) {
        this.versions = versions;
    }

    @GET
    @ApiDoc(value = "listSchemaVersions", summary = "Each module's database schema version (its newest applied migration step), as the shared database holds it")
    public List<SchemaVersion> list(@Context SecurityContext sc) {
        RestSupport.user(sc).require(SchemaPermissions.READ);
        return versions.installed().stream().map(v -> new SchemaVersion(v.module(), v.version(), v.description(), v.appliedAt())).toList();
    }
}
