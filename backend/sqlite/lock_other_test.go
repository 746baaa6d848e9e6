//go:build !unix

package sqlite

import (
	"testing"

	"partnerbook/backend/domain"
)

func lockedByAnotherProcess(t *testing.T, dir string) error {
	t.Skip("the lock across processes is tried on unix")
	return domain.Errorf(domain.EConflict, "")
}
