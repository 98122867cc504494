package cn.gx.titlereview.session;

import cn.gx.titlereview.support.IntegrationTest;

@IntegrationTest
class WholeSessionH2Test extends WholeSessionScenario {
}
