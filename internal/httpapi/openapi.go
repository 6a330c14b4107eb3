package httpapi

import (
	"context"
	_ "embed" // openapi.yaml
	"encoding/json"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// openAPIYAML is the API's description, written by hand next to the routes it describes.
//
//go:embed openapi.yaml
var openAPIYAML []byte

// loadOpenAPI parses and validates the embedded OpenAPI document.
func loadOpenAPI() (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(openAPIYAML)
	if err != nil {
		return nil, fmt.Errorf("httpapi: openapi.yaml: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("httpapi: openapi.yaml: %w", err)
	}
	return doc, nil
}

// openAPIJSON returns the validated document as JSON, as GET /api/v1/openapi.json serves it.
func openAPIJSON() ([]byte, error) {
	doc, err := loadOpenAPI()
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("httpapi: openapi.json: %w", err)
	}
	return b, nil
}
