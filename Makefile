# Leadhouse build. `make help` lists the targets. Every target finds a JDK 21+ by itself.
SHELL := /bin/bash
JAVA_HOME := $(shell scripts/find-jdk)
export JAVA_HOME
MVN := mvn -B -ntp
JAR := packaging/target/leadhouse.jar
SOURCES := $(shell find app admin-ui packaging -path '*/target' -prune -o -type f -print 2>/dev/null) pom.xml

.DEFAULT_GOAL := help
.PHONY: help run test jar smoke clean check-jdk

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

check-jdk:
	@test -n "$(JAVA_HOME)" || { scripts/find-jdk >/dev/null; exit 1; }

run: check-jdk $(JAR) ## Build if needed and serve on the embedded defaults, data in ./data
	"$(JAVA_HOME)/bin/java" -jar $(JAR) serve --config config.yml

test: check-jdk ## Install Chromium for the browser tests if missing, then run every test
	scripts/ensure-browser
	$(MVN) verify

jar: check-jdk $(JAR) ## Build packaging/target/leadhouse.jar

smoke: check-jdk $(JAR) ## Start the built JAR on free ports and check health, sign-in, a lead, search and stop
	scripts/smoke $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q -DskipTests package
	@touch $(JAR)

clean: ## Remove build output (keeps ./data)
	$(MVN) -q clean
