package sync

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"partnerbook/backend/domain"
)

// keyAlphabet is what a key's random part is made of: letters and digits, so that a key
// survives being copied out of a terminal or an e-mail whole.
const keyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// randomText returns n random characters of keyAlphabet (crypto/rand; 62^n choices).
func randomText(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (Go 1.24+ panics inside rather than return an error)
	out := make([]byte, n)
	for i := range b {
		// 256 = 4*62 + 8: the 8 values above 247 are redrawn so each character is equally likely.
		for b[i] >= 248 {
			var one [1]byte
			rand.Read(one[:])
			b[i] = one[0]
		}
		out[i] = keyAlphabet[int(b[i])%len(keyAlphabet)]
	}
	return string(out)
}

// NewKey makes a key of the sync endpoint (pk_live_…, pk_test_…, sk_live_…, sk_test_…) and
// what is stored of it: its hash, its first characters, and a publishable key's text.
func NewKey(programID int64, kind string, test bool) (string, domain.NewAPIKey) {
	p := "pk_"
	if kind == domain.KeySecret {
		p = "sk_"
	}
	if test {
		p += "test_"
	} else {
		p += "live_"
	}
	key := p + randomText(24)
	k := domain.NewAPIKey{ProgramID: programID, Kind: kind, Test: test, Prefix: key[:len(p)+4], Hash: HashKey(key)}
	if kind == domain.KeyPublishable {
		k.Plain = key
	}
	return key, k
}

// NewLinkSecret makes the secret that links a desktop to its headless server (init --server).
func NewLinkSecret() string { return "sl_" + randomText(32) }

// HashKey is how a key or a link secret is stored: SHA-256, hex. Keys are long random
// strings, so a plain hash cannot be reversed by guessing.
func HashKey(key string) string {
	h := sha256.Sum256([]byte(key))
	return hex.EncodeToString(h[:])
}

// keyKind tells what a key claims to be from its text: "publishable", "secret", "link" or "".
func keyKind(key string) string {
	switch {
	case strings.HasPrefix(key, "pk_live_"), strings.HasPrefix(key, "pk_test_"):
		return domain.KeyPublishable
	case strings.HasPrefix(key, "sk_live_"), strings.HasPrefix(key, "sk_test_"):
		return domain.KeySecret
	case strings.HasPrefix(key, "sl_"):
		return "link"
	}
	return ""
}
