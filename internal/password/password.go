// Package password hashes and verifies the passwords people sign in with, and generates new
// ones. Hashes are bcrypt (docs/decisions.md says why): self-describing strings that carry
// their own salt and cost, so the cost can be raised later without invalidating stored hashes.
package password

import (
	"crypto/rand"
	"errors"
	"fmt"

	"golang.org/x/crypto/bcrypt"
)

// DefaultCost is the bcrypt cost of new hashes: about 250 ms on one core of a 2024 laptop.
const DefaultCost = 12

// MinLength is the shortest password accepted.
const MinLength = 10

// ErrMismatch means the password does not match the hash.
var ErrMismatch = errors.New("password does not match")

// ErrTooShort means a new password is shorter than MinLength.
var ErrTooShort = fmt.Errorf("password is shorter than %d characters", MinLength)

// Hasher hashes new passwords at a fixed cost. The zero value uses DefaultCost; tests use
// bcrypt.MinCost to stay fast.
type Hasher struct {
	Cost int
}

// Hash returns the bcrypt hash of pw.
func (h Hasher) Hash(pw string) (string, error) {
	if len(pw) < MinLength {
		return "", ErrTooShort
	}
	cost := h.Cost
	if cost == 0 {
		cost = DefaultCost
	}
	b, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(b), nil
}

// Verify reports nil when pw matches hash, ErrMismatch when it does not, and another error
// when hash is not a bcrypt hash.
func (Hasher) Verify(hash, pw string) error {
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw))
	if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
		return ErrMismatch
	}
	if err != nil {
		return fmt.Errorf("verify password: %w", err)
	}
	return nil
}

// alphabet avoids characters people confuse when reading a password aloud (0/O, 1/l/I).
const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Generate returns a random password of n characters from an unambiguous alphabet.
func Generate(n int) (string, error) {
	buf := make([]byte, n)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("generate password: %w", err)
	}
	out := make([]byte, n)
	for i, b := range buf {
		// 256 is not a multiple of len(alphabet); the bias is under 1% per character.
		out[i] = alphabet[int(b)%len(alphabet)]
	}
	return string(out), nil
}
