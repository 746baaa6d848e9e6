package secret

import (
	"errors"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// Store is where passwords and keys are kept.
type Store interface {
	GetSecret(key string) (string, bool, error)
	SetSecret(key, value string) error
}

// Keyring keeps secrets in the operating system's keyring (the Secret Service on Linux, the
// Keychain on macOS, the Credential Manager on Windows), under a service named for the data
// folder. Where no keyring answers, it keeps them in the file instead; secrets written to the
// file before a keyring was there are still read from it.
type Keyring struct {
	service string
	file    *File
	once    sync.Once
	ok      bool
}

// Open returns the secret store of a data folder: the OS keyring where one is available, else
// the file secrets.json (0600) in the folder. PARTNERBOOK_SECRETS=file always uses the file.
func Open(dataDir, file string) Store {
	f := NewFile(file)
	if os.Getenv("PARTNERBOOK_SECRETS") == "file" {
		return f
	}
	return &Keyring{service: "partnerbook " + dataDir, file: f}
}

// probeTimeout bounds the first question to the keyring: a session bus that does not answer
// must not hang the program.
const probeTimeout = 3 * time.Second

func (k *Keyring) usable() bool {
	k.once.Do(func() {
		if runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
			return // no session bus: no Secret Service
		}
		done := make(chan bool, 1)
		go func() {
			_, err := keyring.Get(k.service, "probe")
			done <- err == nil || errors.Is(err, keyring.ErrNotFound)
		}()
		select {
		case k.ok = <-done:
		case <-time.After(probeTimeout):
		}
	})
	return k.ok
}

// Where says where secrets are kept: "keyring" or "file".
func (k *Keyring) Where() string {
	if k.usable() {
		return "keyring"
	}
	return "file"
}

// GetSecret returns a secret and whether it is set.
func (k *Keyring) GetSecret(key string) (string, bool, error) {
	if k.usable() {
		v, err := keyring.Get(k.service, key)
		if err == nil {
			return v, true, nil
		}
		if !errors.Is(err, keyring.ErrNotFound) {
			return "", false, err
		}
	}
	return k.file.GetSecret(key)
}

// SetSecret stores a secret in the keyring (and drops any copy in the file), or in the file
// where the keyring refuses; an empty value removes it from both.
func (k *Keyring) SetSecret(key, value string) error {
	if k.usable() {
		if value == "" {
			if err := keyring.Delete(k.service, key); err != nil && !errors.Is(err, keyring.ErrNotFound) {
				return err
			}
		} else if err := keyring.Set(k.service, key, value); err == nil {
			return k.file.SetSecret(key, "")
		}
	}
	return k.file.SetSecret(key, value)
}
