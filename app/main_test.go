package app

import (
	"os"
	"testing"
)

// TestMain keeps the tests' passwords out of the keyring of the machine that runs them.
func TestMain(m *testing.M) {
	os.Setenv("PARTNERBOOK_SECRETS", "file")
	os.Exit(m.Run())
}
