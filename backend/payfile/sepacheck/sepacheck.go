// Package sepacheck is for tests: it validates a SEPA file against the ISO 20022 schema of
// pain.001.001.03 with xmllint (Debian's libxml2-utils), so that every SEPA file the tests
// write is one a bank's upload would take.
//
// The schema is looked for at $SEPA_XSD, else at ../shared/data/pain.001.001.03.xsd beside the
// repository. Where it or xmllint is missing the check is skipped with a message that says so,
// except under CI (CI=true), where that is a failure.
package sepacheck

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// SchemaName is the schema's file name.
const SchemaName = "pain.001.001.03.xsd"

// Schema returns the schema's path, or an error that says where it was looked for.
func Schema() (string, error) {
	if p := os.Getenv("SEPA_XSD"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", errors.New("SEPA_XSD is " + p + ", which cannot be read")
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's folder")
		}
		dir = parent
	}
	p := filepath.Join(filepath.Dir(dir), "shared", "data", SchemaName)
	if _, err := os.Stat(p); err != nil {
		return "", errors.New("no " + SchemaName + " at " + p + " (the shared data beside the repository) and SEPA_XSD is not set")
	}
	return p, nil
}

// Validate checks xml (named name in messages) against the schema. It skips t where the
// schema or xmllint is missing outside CI, and fails it under CI.
func Validate(t testing.TB, name string, xml []byte) {
	t.Helper()
	xsd, err := Schema()
	if err == nil {
		_, err = exec.LookPath("xmllint")
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s cannot be validated: %v", name, err)
		}
		t.Skipf("%s not validated against the SEPA schema: %v (CI fails here)", name, err)
	}
	f := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(f, xml, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", xsd, f).CombinedOutput(); err != nil {
		t.Errorf("%s does not validate against %s: %v\n%s\n%s", name, SchemaName, err, out, xml)
	}
}
