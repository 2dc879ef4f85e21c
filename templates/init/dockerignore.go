# Go: build output; the module cache lives in the image
bin
dist
vendor
