import type { Metadata } from "next";
import { requirePageCtx } from "@/lib/auth/session";
import { listUsers } from "@/lib/services/users/list-users";
import { Table, Td } from "../../../_components/table";
import { CreateUserForm } from "./create-user-form";
import { UserRowActions } from "./user-row-actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const ctx = await requirePageCtx("/admin/users", "users.manage");
  const users = await listUsers(ctx);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <section aria-labelledby="new-user" className="rounded-lg border border-line bg-paper p-4">
        <h2 id="new-user" className="mb-3 text-lg font-semibold">
          Add a user
        </h2>
        <CreateUserForm />
      </section>
      <Table
        caption="Users of this desk"
        columns={["Name", "Email", "Role", "Status", { label: "Actions", srOnly: true }]}
      >
        {users.map((user) => (
          <tr key={user.id}>
            <Td>{user.name}</Td>
            <Td>{user.email}</Td>
            <Td className="capitalize">{user.role}</Td>
            <Td>{user.disabledAt ? <span className="text-danger">Disabled</span> : "Active"}</Td>
            <Td>
              <UserRowActions
                user={{
                  id: user.id,
                  name: user.name,
                  role: user.role,
                  disabled: user.disabledAt !== null,
                  version: user.version,
                }}
                isSelf={user.id === ctx.actor.id}
              />
            </Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
