package cn.gx.titlereview.platform.web;

import cn.gx.titlereview.support.IntegrationTest;

/** The hostile-input corpus on H2. */
@IntegrationTest
class HostileInputH2Test extends HostileInputScenario {
}
