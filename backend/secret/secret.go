// Package secret keeps passwords and keys outside the database, so that they never reach a
// backup or an export: in a file only the user can read (mode 0600) in the data folder.
package secret

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// File keeps secrets in one JSON file readable by the user alone.
type File struct {
	path string
	mu   sync.Mutex
}

// NewFile returns a secret store in path (created on first write).
func NewFile(path string) *File { return &File{path: path} }

func (f *File) load() (map[string]string, error) {
	m := map[string]string{}
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("secret: read: %w", err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("secret: %s is damaged: %w", filepath.Base(f.path), err)
	}
	return m, nil
}

// GetSecret returns a secret and whether it is set.
func (f *File) GetSecret(key string) (string, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	if err != nil {
		return "", false, err
	}
	v, ok := m[key]
	return v, ok, nil
}

// SetSecret stores a secret; an empty value removes it. The file is replaced atomically.
func (f *File) SetSecret(key, value string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.load()
	if err != nil {
		return err
	}
	if value == "" {
		delete(m, key)
	} else {
		m[key] = value
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return fmt.Errorf("secret: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.path), ".secrets-*")
	if err != nil {
		return fmt.Errorf("secret: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("secret: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("secret: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("secret: %w", err)
	}
	tmp.Close()
	return os.Rename(tmp.Name(), f.path)
}
