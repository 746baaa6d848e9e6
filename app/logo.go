package app

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"

	"partnerbook/backend/domain"
)

// maxLogo bounds the logo file a person picks (statements print it small).
const maxLogo = 5 << 20

// PickLogo asks for a PNG or JPEG file; "" when the person cancelled (or in browser mode,
// which uploads instead).
func (s *Settings) PickLogo() (string, error) {
	if s.c.dialogs == nil {
		return "", nil
	}
	return s.c.dialogs.OpenFile("Choose your logo", "*.png;*.jpg;*.jpeg")
}

// UseLogo copies a PNG or JPEG file into the data folder (so moving the original breaks
// nothing) and makes it the company logo.
func (s *Settings) UseLogo(path string) (Setting, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Setting{}, domain.Errorf(domain.EInvalid, "cannot read %s: %v", filepath.Base(path), err)
	}
	ext := logoExt(b)
	switch {
	case len(b) > maxLogo:
		return Setting{}, domain.Invalid("the logo was not changed", []domain.Problem{{Column: "company.logo", Message: "the file is larger than 5 MB"}})
	case ext == "":
		return Setting{}, domain.Invalid("the logo was not changed", []domain.Problem{{Column: "company.logo", Message: filepath.Base(path) + " is not a PNG or JPEG image"}})
	}
	dst := filepath.Join(s.c.dataDir, "logo"+ext)
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return Setting{}, err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return Setting{}, err
	}
	return s.Set("company.logo", dst)
}

// LogoPreview returns the company logo as a data: URL for an <img>, or "" when there is none.
func (s *Settings) LogoPreview() (string, error) {
	set, err := s.c.settingsShown()
	logo := set.Company.Logo
	if err != nil || logo == "" {
		return "", err
	}
	b, err := os.ReadFile(logo)
	if err != nil {
		return "", domain.Errorf(domain.ENotFound, "the logo file %s cannot be read: %v", logo, err)
	}
	mime := map[string]string{".png": "image/png", ".jpg": "image/jpeg"}[logoExt(b)]
	if mime == "" {
		return "", domain.Errorf(domain.EInvalid, "the logo file %s is not a PNG or JPEG image", logo)
	}
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(b), nil
}

// logoExt is ".png" or ".jpg" by the file's first bytes, else "".
func logoExt(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return ".png"
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return ".jpg"
	}
	return ""
}
