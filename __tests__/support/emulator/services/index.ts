/**
 * The operation tables, by service. To add operations, write them in a file of their own exporting an
 * `OperationTable` and pass it to `startEmulator({ services: { iam: myTable } })` (merged over these).
 */
import { ServiceTables } from "../server";
import { iam } from "./iam";
import { iamUsers } from "./iam-users";
import { identityStore } from "./identitystore";
import { organizations } from "./organizations";
import { ssoAdmin } from "./sso-admin";
import { sts } from "./sts";

export function defaultServices(): ServiceTables {
  return {
    "sso-admin": { ...ssoAdmin },
    identitystore: { ...identityStore },
    organizations: { ...organizations },
    iam: { ...iam, ...iamUsers },
    sts: { ...sts },
  };
}
