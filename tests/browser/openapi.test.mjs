// The OpenAPI 3.1 fragment `errcat generate --openapi` writes, checked by a real OpenAPI
// validator (@seriousme/openapi-schema-validator, locked in package-lock.json). Run by CTest:
//   node --test openapi.test.mjs     env: ERRCAT=<errcat binary>  SOURCE_DIR=<checkout>
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import YAML from "yaml";

const errcat = process.env.ERRCAT;
const source = process.env.SOURCE_DIR;
assert.ok(errcat && source, "set ERRCAT and SOURCE_DIR");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "errcat-openapi-"));

function generate(file, inputs) {
  execFileSync(errcat, ["generate", "--openapi", path.join(work, file), ...inputs.map((i) => path.join(source, i))],
               { stdio: "ignore" });
  return fs.readFileSync(path.join(work, file), "utf8");
}

for (const [name, inputs] of [["catalog", ["catalog"]], ["real", ["tests/real"]],
                              ["hostile", ["tests/data/hostile/hostile.yaml"]], ["digits", ["tests/data/digits"]]]) {
  test(`the fragment for ${inputs.join(" ")} is valid OpenAPI 3.1, as YAML and as JSON`, async () => {
    const yaml = generate(`${name}.yaml`, inputs);
    const json = generate(`${name}.json`, inputs);
    for (const text of [yaml, json]) {
      const validator = new Validator();
      const result = await validator.validate(text);
      assert.equal(validator.version, "3.1");
      assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
    }
    // The YAML says exactly what the JSON says: no string read as a number or a bool.
    assert.deepEqual(YAML.parse(yaml), JSON.parse(json));
    // Every error has its schema, and each response's examples are its errors'.
    const doc = JSON.parse(json);
    const codes = doc.components.schemas.Problem.properties.code.enum;
    assert.ok(codes.length > 0);
    for (const code of codes) assert.ok(doc.components.schemas[`Problem-${code}`], code);
    for (const [key, response] of Object.entries(doc.components.responses)) {
      const content = response.content["application/problem+json"];
      for (const [code, example] of Object.entries(content.examples)) {
        assert.equal(`Problem${example.value.status}`, key);
        assert.equal(example.value.code, code);
      }
    }
    // The same inputs, the same bytes.
    assert.equal(generate(`${name}-again.yaml`, inputs), yaml);
  });
}

test("a catalog's problem_type_base and typed parameters reach the schemas", () => {
  const doc = JSON.parse(generate("types.json", ["tests/data/digits", "catalog"]));
  assert.equal(doc.components.schemas["Problem-0"].properties.type.const, "tag:errcat.test,2026:digits/0");
  const tok005 = doc.components.schemas["Problem-TOK005"];
  assert.deepEqual(tok005.properties.params.properties.max_hours.type, "integer");
  assert.deepEqual(tok005.properties.params.required, ["max_hours", "provided_expiry"]);
  assert.equal(tok005.properties.status, undefined);  // the catalog gives it no HTTP status
  assert.equal(doc.components.schemas["Problem-ITK001"].properties.status.const, 401);
  const itk = doc.components.responses.Problem401.content["application/problem+json"];
  assert.deepEqual(itk.schema.oneOf.map((s) => s.$ref.split("/").pop()), ["Problem-ITK001", "Problem-ITK002", "Problem-ITK004"]);
  assert.equal(itk.examples.ITK001.value.detail, "Invalid Token: the token has expired.");
});
