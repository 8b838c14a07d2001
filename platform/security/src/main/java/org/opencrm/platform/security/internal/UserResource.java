package org.opencrm.platform.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.NewUser;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.platform.api.security.UserChange;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ApiSchema;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/users: user administration for integrators; /users/me tells a client who it is. */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    private final UserService users;

    @Activate
    public UserResource(@Reference UserService users) {
        this.users = users;
    }

    @GET
    @ApiDoc("listUsers")
    public Page<UserAccount> list(@Context SecurityContext sc) {
        RestSupport.user(sc).require("platform.users.read");
        List<UserAccount> all = users.list();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("me")
    @ApiDoc(value = "getCurrentUser", summary = "Who am I: the signed-in user, roles, permissions and scope")
    public CrmUser me(@Context SecurityContext sc) {
        return RestSupport.user(sc);
    }

    @GET
    @Path("roles")
    @ApiDoc(value = "listRoles", summary = "Roles and the permissions they grant")
    public Map<String, Set<String>> roles(@Context SecurityContext sc) {
        RestSupport.user(sc).require("platform.users.read");
        return users.roles();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createUser", status = 201, returns = UserAccount.class)
    public Response create(NewUser body, @Context SecurityContext sc) {
        UserAccount created = users.create(RestSupport.user(sc), RestSupport.body(body));
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("updateUser")
    public UserAccount update(@PathParam("username") String username, UserChange body, @Context SecurityContext sc) {
        return users.update(RestSupport.user(sc), username, RestSupport.body(body));
    }

    @ApiSchema(required = { "password" })
    public record PasswordChange(String password) {
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "changePassword", status = 204, summary = "Set a user's password")
    public Response password(@PathParam("username") String username, PasswordChange body, @Context SecurityContext sc) {
        if (body == null || body.password() == null) {
            throw new InvalidInputException("password", "password is required", "user.passwordRequired");
        }
        users.changePassword(RestSupport.user(sc), username, body.password().toCharArray());
        return Response.noContent().build();
    }
}
