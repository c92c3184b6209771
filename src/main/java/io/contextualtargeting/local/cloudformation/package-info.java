/**
 * The deployed templates, read locally: {@link io.contextualtargeting.local.cloudformation.TemplateLoader}
 * loads the root SAM/CloudFormation template and its nested stacks and resolves them to local,
 * deterministic values (region {@code local}, account {@code 000000000000}) in a
 * {@link io.contextualtargeting.local.cloudformation.CloudModel}.
 */
package io.contextualtargeting.local.cloudformation;
