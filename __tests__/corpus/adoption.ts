import { base, ORG } from "./base";
import { CorpusCase } from "./case";

const json = (data: unknown) => JSON.stringify(data, null, 2);
const IMPORTS = "imports/org.json";
const PS_ID = "arn:aws:sso:::permissionSet/ssoins-1/ps-1,arn:aws:sso:::instance/ssoins-1";

/** KL7xx: the imports file `keyless import` writes beside the workspace (imports/<workspace>.json). */
export const adoptionCases: CorpusCase[] = [
  // KL701: malformed imports file
  {
    name: "imports file edited by hand into invalid JSON",
    files: { [ORG]: base(), [IMPORTS]: '{ "imports": [\n  { "kind": "permissionSet", "key": "ReadOnly", "id": "x" },\n]\n}\n' },
    code: "KL701",
    file: IMPORTS,
    says: "not valid JSON",
  },
  {
    name: "imports file whose imports is an object instead of a list",
    files: { [ORG]: base(), [IMPORTS]: json({ imports: { ReadOnly: PS_ID } }) },
    code: "KL701",
    path: "$.imports",
    line: 2,
  },
  {
    name: "import entry of an unknown kind",
    files: { [ORG]: base(), [IMPORTS]: json({ imports: [{ kind: "group", key: "Developers", id: "d-1/g-1" }] }) },
    code: "KL701",
    path: "$.imports[0]",
    says: "kind: permissionSet|",
  },
  // KL702: imports something the workspace does not declare
  {
    name: "import of a permission set the workspace no longer declares",
    files: {
      [ORG]: base(),
      [IMPORTS]: json({
        imports: [
          { kind: "permissionSet", key: "ReadOnly", id: PS_ID },
          { kind: "permissionSet", key: "Admin", id: PS_ID },
        ],
      }),
    },
    code: "KL702",
    path: "$.imports[1]",
    says: 'permissionSet "Admin" is imported but workspace org does not declare it',
  },
  {
    name: "import of a managed policy attachment the permission set does not have",
    files: {
      [ORG]: base(),
      [IMPORTS]: json({
        imports: [{ kind: "managedPolicyAttachment", key: "ReadOnly", policy: "arn:aws:iam::aws:policy/ViewOnlyAccess", id: `arn:aws:iam::aws:policy/ViewOnlyAccess,${PS_ID}` }],
      }),
    },
    code: "KL702",
    says: "(arn:aws:iam::aws:policy/ViewOnlyAccess)",
  },
];
