package password

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestHashAndVerify(t *testing.T) {
	h := Hasher{Cost: bcrypt.MinCost}
	hash, err := h.Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hash, "correct horse") {
		t.Fatal("hash contains the password")
	}
	if err := h.Verify(hash, "correct horse battery"); err != nil {
		t.Errorf("Verify(right password) = %v", err)
	}
	if err := h.Verify(hash, "wrong horse battery"); !errors.Is(err, ErrMismatch) {
		t.Errorf("Verify(wrong password) = %v, want ErrMismatch", err)
	}
	if err := h.Verify("not a hash", "x"); err == nil || errors.Is(err, ErrMismatch) {
		t.Errorf("Verify(bad hash) = %v, want a non-mismatch error", err)
	}
}

func TestHashRejectsShortPasswords(t *testing.T) {
	if _, err := (Hasher{Cost: bcrypt.MinCost}).Hash("short"); !errors.Is(err, ErrTooShort) {
		t.Errorf("Hash(short) = %v, want ErrTooShort", err)
	}
}

func TestGenerate(t *testing.T) {
	a, err := Generate(20)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(20)
	if len(a) != 20 || a == b {
		t.Errorf("Generate gave %q and %q", a, b)
	}
	for _, r := range a {
		if !strings.ContainsRune(alphabet, r) {
			t.Errorf("Generate gave %q outside the alphabet", r)
		}
	}
}
